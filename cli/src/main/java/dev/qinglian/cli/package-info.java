/**
 * The {@code qinglian} command line: a thin picocli shell over the core library. {@link
 * dev.qinglian.cli.Main#run} is the entry point tests call.
 */
package dev.qinglian.cli;
