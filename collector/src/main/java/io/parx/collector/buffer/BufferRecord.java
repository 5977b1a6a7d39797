package io.parx.collector.buffer;

/**
 * One batch in the disk buffer.
 *
 * @param sequence the batch's publish sequence (monotonic, microseconds-based)
 * @param payload the encoded batch (SampleBatchCodec)
 * @param segment the segment it was read from
 * @param nextOffset where the following record starts in that segment
 */
public record BufferRecord(long sequence, byte[] payload, long segment, long nextOffset) {

}
