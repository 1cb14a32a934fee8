/**
 * SparsePocket's public API: the {@link org.sparsepocket.PocketPredictor} facade, its settings and results.
 */
package org.sparsepocket;
