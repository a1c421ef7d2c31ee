namespace Verify.Dynamics.Networks;

/// <summary>Labelled square images, channel-major (c, row, column) and flattened.</summary>
public sealed record ImageDataset(int Channels, int Size, int Classes, IReadOnlyList<double[]> Images, IReadOnlyList<int> Labels)
{
    public int Count => Images.Count;
    public int PixelsPerImage => Channels * Size * Size;
}
