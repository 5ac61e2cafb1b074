/**
 * Stage 2 (paper Steps 3-4, Algorithm 1, Table 1, Fig. 4): co-emerging text, CoTR, parrot captions, and the dataset statistics built on them.
 */
package org.parrotscope.parrot;
