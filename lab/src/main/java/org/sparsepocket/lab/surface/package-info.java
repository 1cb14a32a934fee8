/**
 * Training, tuning and measuring the surface-point second opinion ({@code org.sparsepocket.surface}):
 * {@code surface-train} (the point classifier on the training complexes) and {@code surface-eval}
 * (points alone, network alone and fused on the validation complexes, the fusion tuned on one
 * family-disjoint half and scored on the other). docs/surface.md has the results.
 */
package org.sparsepocket.lab.surface;
