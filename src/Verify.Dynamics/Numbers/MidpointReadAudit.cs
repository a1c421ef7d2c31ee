namespace Verify.Dynamics.Numbers;

/// <summary>
/// Counts the calls to <see cref="Interval.ToDouble"/> on this thread since it was started. Generic
/// code reads a scalar's value through ToDouble to branch (|x|, ReLU, a sign test); on an interval
/// that reads only the midpoint, so a computation that made any such read is not a proof. A
/// certificate starts an audit before the evaluations it relies on and refuses if Reads &gt; 0.
/// The count is per thread: a map evaluated inside a certificate must not evaluate on other threads.
/// </summary>
public readonly struct MidpointReadAudit
{
    private readonly long _start;

    private MidpointReadAudit(long start) => _start = start;

    public static MidpointReadAudit Start() => new(Interval.MidpointReads);

    /// <summary>Midpoint reads since <see cref="Start"/> on this thread.</summary>
    public long Reads => Interval.MidpointReads - _start;
}
