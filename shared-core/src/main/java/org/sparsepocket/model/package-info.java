/**
 * The sparse U-ResNet network, its configuration, and loading/saving of model bundles (weights + card).
 */
package org.sparsepocket.model;
