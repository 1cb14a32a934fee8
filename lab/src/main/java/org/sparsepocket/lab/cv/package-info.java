/**
 * Cross-validation over every labelled complex: the family-disjoint fold split ({@link FoldSplit},
 * {@code sparsepocket folds}), and the fold assignment that training and evaluation read ({@link Folds}).
 */
package org.sparsepocket.lab.cv;
