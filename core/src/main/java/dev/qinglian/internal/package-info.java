/** Implementation details of qinglian; not exported, may change without notice. */
package dev.qinglian.internal;
