package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class GraphScalarsTest {

    @Test
    void on_buildsOncePerDeviceAndType_andOutlivesBatchesAndGarbageCollection() {
        GraphScalars s = new GraphScalars(1.702f);
        try (NDManager model = NDManager.newBaseManager()) {
            NDArray first;
            try (NDManager batch = model.newSubManager()) {
                first = s.on(batch.ones(new Shape(2, 3)), model);
            }
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            try (NDManager batch = model.newSubManager()) {
                NDArray x = batch.ones(new Shape(4));
                assertSame(first, s.on(x, model), "reused, not rebuilt");
                NDArray half = s.on(x.toType(DataType.FLOAT16, false), model);
                assertNotSame(first, half);
                assertEquals(DataType.FLOAT16, half.getDataType());
                assertEquals(2, s.built());
                // the value survives the closed batch and the collections (it lives in native memory the model owns)
                assertEquals(1.702f, first.getFloat(), 0f);
                assertEquals(1.702f, half.toType(DataType.FLOAT32, false).getFloat(), 1e-3f);
                assertEquals(0, first.getShape().dimension(), "0-dimensional, so fp16 operands stay fp16");
                assertEquals(
                        DataType.FLOAT16,
                        x.toType(DataType.FLOAT16, false).mul(half).getDataType());
            }
        }
    }
}
