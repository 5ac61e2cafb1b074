/**
 * Stage 5 (paper Step 7): subset criteria over OCR and CLIP-score results, and subset manifests.
 */
package org.parrotscope.curate;
