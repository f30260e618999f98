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
    public static double Select(Span<double> values, int k)
    {
        var left = 0;
        var right = values.Length - 1;
        while (right > left)
        {
            var pivot = MedianOfThree(values[left], values[left + (right - left) / 2], values[right]);
            var i = left;
            var j = right;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return values[k];
        }

        return values[k];
    }

    private static double MedianOfThree(double a, double b, double c) =>
        a < b ? (b < c ? b : Math.Max(a, c)) : (a < c ? a : Math.Max(b, c));
}
