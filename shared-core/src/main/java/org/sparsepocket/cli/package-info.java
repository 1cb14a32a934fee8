/**
 * The sparsepocket command line (picocli): one class per command, shared conventions.
 */
package org.sparsepocket.cli;
