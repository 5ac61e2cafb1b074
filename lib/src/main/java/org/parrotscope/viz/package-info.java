/**
 * Stage 8: figures, tables, image grids and progress bars for notebooks and offline HTML reports.
 */
package org.parrotscope.viz;
