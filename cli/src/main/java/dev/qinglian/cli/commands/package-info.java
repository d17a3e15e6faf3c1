/** One class per subcommand: parse, call the core library, hand the result to a renderer. */
package dev.qinglian.cli.commands;
