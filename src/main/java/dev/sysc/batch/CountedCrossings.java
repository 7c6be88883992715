package dev.sysc.batch;

/**
 * The system calls one batch of a selection made, counted while it ran (not worked out from the strategy):
 * the calls that sent, the recv calls that each returned a datagram, and what the kernel's own drop
 * counter on the socket rose by (the datagrams a filter refused).
 *
 * @param strategy  the strategy whose batch was counted
 * @param size      K, the batch's 1 in K
 * @param sendCalls the system calls that sent the batch
 * @param recvCalls the recv calls that each returned a datagram: the receiver's crossings
 * @param dropped   the socket's drop counter (sk_drops) after the batch less before it
 */
public record CountedCrossings(String strategy, int size, long sendCalls, long recvCalls, long dropped) {
    /** Every crossing the batch made: the sender's and the receiver's. */
    public long crossings() {
        return sendCalls + recvCalls;
    }
}
