/**
 * The Jmol adapter: a `pockets` command inside the Jmol viewer, calling {@link org.sparsepocket.PocketPredictor}.
 */
package org.sparsepocket.jmol;
