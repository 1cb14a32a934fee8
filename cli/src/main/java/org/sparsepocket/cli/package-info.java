/**
 * The sparsepocket command line (picocli): one class per command, listed in
 * {@link org.sparsepocket.cli.SparsePocketCli}, with shared conventions (exit codes 0/1/2, one-line
 * errors, {@code --json}, progress on stderr) and shared option mixins. See docs/structure.md.
 */
package org.sparsepocket.cli;
