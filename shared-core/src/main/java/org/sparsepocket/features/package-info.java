/**
 * The 18 per-atom features of PUResNetV2 ({@link org.sparsepocket.features.AtomFeatures}): computed once
 * per residue template with CDK ({@link org.sparsepocket.features.ResidueTemplates}) and looked up by
 * residue and atom name ({@link org.sparsepocket.features.AtomFeaturizer}); atoms without a template get
 * element-based features and are reported ({@link org.sparsepocket.features.Featurization}).
 */
package org.sparsepocket.features;
