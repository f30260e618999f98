namespace ImpactMesh.Grains.Monitoring;

/// <summary>In-place order statistics by quickselect (expected linear time, no allocation).</summary>
internal static class Selection
{
    /// <summary>The median of <paramref name="values"/> (mean of the two middle values for an even count); reorders them.</summary>
    public static double Median(Span<double> values)
    {
        var n = values.Length;
        if (n == 0) return double.NaN;
        var upper = Select(values, n / 2);
        if ((n & 1) == 1) return upper;
        var lower = double.NegativeInfinity;
        for (var i = 0; i < n / 2; i++)
        {
            if (values[i] > lower) lower = values[i];
        }

        return (lower + upper) / 2;
    }

    /// <summary>The <paramref name="k"/>-th smallest value (0-based); afterwards values before k are &lt;= it and after k are &gt;= it.</summary>
    /// <remarks>
    /// Quickselect with branch-free Lomuto partitions (data-dependent branches mispredict half the time on small arrays):
    /// each round splits the range into &lt; pivot, = pivot and &gt; pivot, so repeated values cost no extra rounds.
    /// </remarks>
    public static double Select(Span<double> values, int k)
    {
        var left = 0;
        var right = values.Length - 1;
        while (right > left)
        {
            var pivot = MedianOfThree(values[left], values[left + (right - left) / 2], values[right]);
            var less = Partition(values, left, right, pivot, orEqual: false);
            if (k < less)
            {
                right = less - 1;
                continue;
            }

            var notGreater = Partition(values, less, right, pivot, orEqual: true);
            if (k < notGreater) return pivot;
            left = notGreater;
        }

        return values[k];
    }

    // Moves the values of [left, right] below the pivot (or not above it) to the front; returns where the rest starts.
    private static int Partition(Span<double> values, int left, int right, double pivot, bool orEqual)
    {
        var store = left;
        for (var i = left; i <= right; i++)
        {
            var v = values[i];
            values[i] = values[store];
            values[store] = v;
            store += (orEqual ? v <= pivot : v < pivot) ? 1 : 0;
        }

        return store;
    }

    private static double MedianOfThree(double a, double b, double c) =>
        a < b ? (b < c ? b : Math.Max(a, c)) : (a < c ? a : Math.Max(b, c));
}
