/** Options shared by several commands, as picocli mixins. */
package dev.qinglian.cli.options;
