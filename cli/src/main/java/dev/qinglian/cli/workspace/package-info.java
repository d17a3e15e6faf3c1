/** Finding and loading the pieces of a workspace folder through the core library. */
package dev.qinglian.cli.workspace;
