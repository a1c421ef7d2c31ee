using Verify.Dynamics.Sweeps;

namespace Verify.Dynamics.Tests.Sweeps;

public sealed class PortraitGridTests
{
    [Theory]
    [InlineData(101)]
    [InlineData(100)]
    [InlineData(1001)]
    public void ASquareGridIsExactlySymmetric(int n)
    {
        var g = PortraitGrid.Square(3, n);
        g.Count.ShouldBe(n * n);
        g.X(0).ShouldBe(-3); g.X(n - 1).ShouldBe(3);
        for (int i = 0; i < n; i++)
        {
            g.X(n - 1 - i).ShouldBe(-g.X(i)); // bit for bit: x = −y lies on the grid
            g.Y(i).ShouldBe(g.X(i));          // and so does x = y
        }
        if (n % 2 == 1) g.X(n / 2).ShouldBe(0);
    }

    [Fact]
    public void PointsAreRowMajorWithRowsAlongY()
    {
        var g = new PortraitGrid(0, 2, 10, 14, 3, 5);
        g.Point(0).ShouldBe((0.0, 10.0));
        g.Point(2).ShouldBe((2.0, 10.0));
        g.Point(3).ShouldBe((0.0, 11.0));
        g.Point(14).ShouldBe((2.0, 14.0));
        g.XValues().ShouldBe([0.0, 1.0, 2.0]);
        g.YValues().ShouldBe([10.0, 11.0, 12.0, 13.0, 14.0]);
        new PortraitGrid(1, 1, 2, 4, 1, 1).Point(0).ShouldBe((1.0, 3.0));
    }

    [Fact]
    public void EmptyOrMeaninglessGridsAreRejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PortraitGrid.Square(3, 0)).Message.ShouldStartWith("A grid needs at least one column and one row, got 0 × 0.");
        Should.Throw<ArgumentOutOfRangeException>(() => PortraitGrid.Square(0, 10)).Message.ShouldStartWith("The range must be positive and finite.");
        Should.Throw<ArgumentOutOfRangeException>(() => PortraitGrid.Square(double.NaN, 10)).Message.ShouldStartWith("The range must be positive and finite.");
        Should.Throw<ArgumentOutOfRangeException>(() => PortraitGrid.Square(double.PositiveInfinity, 10)).Message.ShouldStartWith("The range must be positive and finite.");
        Should.Throw<ArgumentException>(() => new PortraitGrid(1, 0, 0, 1, 3, 3)).Message.ShouldBe("Empty or reversed grid [1, 0] × [0, 1].");
        Should.Throw<ArgumentException>(() => new PortraitGrid(0, 1, 1, 0, 3, 3)).Message.ShouldBe("Empty or reversed grid [0, 1] × [1, 0].");
        Should.Throw<ArgumentException>(() => new PortraitGrid(0, 0, 0, 1, 3, 3)).Message.ShouldBe("Empty or reversed grid [0, 0] × [0, 1].");
        Should.Throw<ArgumentException>(() => new PortraitGrid(0, 1, 2, 2, 3, 3)).Message.ShouldBe("Empty or reversed grid [0, 1] × [2, 2].");
        Should.Throw<ArgumentException>(() => new PortraitGrid(0, double.NaN, 0, 1, 3, 3)).Message.ShouldBe("Grid bounds must be finite.");
        Should.Throw<ArgumentOutOfRangeException>(() => new PortraitGrid(0, 1, 0, 1, 3, 0)).Message.ShouldStartWith("A grid needs at least one column and one row, got 3 × 0.");
    }
}
