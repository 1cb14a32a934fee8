/**
 * The 18 per-atom features of PUResNetV2, computed once per residue template with CDK and mapped to atoms by name.
 */
package org.sparsepocket.features;
