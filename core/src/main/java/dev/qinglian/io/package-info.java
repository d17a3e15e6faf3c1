/**
 * Files written safely: atomically next to their target, devices and pipes written through, never
 * replaced.
 */
package dev.qinglian.io;
