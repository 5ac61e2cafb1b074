package org.parrotscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class LookAheadTest {

    /** Yields the odd numbers of an input, skipping the even ones, and its last item on the call that ends. */
    private static final class Odds extends LookAhead<Integer> {
        private final Iterator<Integer> in;
        int calls;

        Odds(List<Integer> in) {
            this.in = in.iterator();
        }

        @Override
        protected Integer advance() {
            calls++;
            int v = in.next();
            if (!in.hasNext()) {
                end();
            }
            return v % 2 == 1 ? v : null;
        }
    }

    @Test
    void skippedItemsAreSteppedOver_andTheLastItemSurvivesTheEnd() {
        Odds odds = new Odds(List.of(2, 3, 4, 6, 7));
        List<Integer> got = new ArrayList<>();
        odds.forEachRemaining(got::add);
        assertEquals(List.of(3, 7), got);
        assertEquals(5, odds.calls);
    }

    @Test
    void hasNextIsIdempotentAndNextPastTheEndThrows() {
        Odds odds = new Odds(List.of(1, 2));
        assertEquals(true, odds.hasNext());
        assertEquals(true, odds.hasNext());
        assertEquals(1, odds.calls);
        assertEquals(1, odds.next());
        assertFalse(odds.hasNext());
        assertEquals(2, odds.calls); // advance is not called after end()
        assertThrows(NoSuchElementException.class, odds::next);
    }
}
