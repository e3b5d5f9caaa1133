/**
 * The {@code sharcs} command line: {@link io.sharcs.runner.cli.SharcsCli} (the main class), one
 * picocli command per verb ({@code run}, {@code sweep}, {@code generate}, {@code plugins}), the
 * one-line error reporting and exit codes, and the CLI's Guice injector ({@link
 * io.sharcs.runner.cli.CliModule}) that builds the commands. The top of the runner: nothing
 * below imports it.
 */
package io.sharcs.runner.cli;
