/**
 * The `parrotscope` command line: one subcommand per pipeline stage.
 */
package org.parrotscope.cli;
