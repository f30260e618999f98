namespace ImpactMesh.LoadTests.Nab;

/// <summary>
/// The NAB v1.1 scorer: probation, anomaly windows, scaled-sigmoid row weights, profile weights, corpus-wide threshold
/// optimisation (every distinct score of the scored rows plus 1.1; ties go to the highest threshold) and normalisation
/// between the null detector and a perfect one. It follows NAB's <c>Sweeper</c> step by step, so sums are formed in the same
/// order and equal scores tie exactly.
/// </summary>
internal static class NabScorer
{
    public const double NoDetectionThreshold = 1.1;
    public const double ProbationPercent = 0.15;

    public static readonly double MaxTruePositive = ScaledSigmoid(-1.0);

    /// <summary>NAB's scaled sigmoid: 2/(1+e^(5y)) - 1, and -1 beyond y = 3.</summary>
    public static double ScaledSigmoid(double y) => y > 3.0 ? -1.0 : 2.0 * (1.0 / (1.0 + Math.Exp(5.0 * y))) - 1.0;

    /// <summary>Rows ignored at the start of a file of <paramref name="rows"/> rows: min(floor(0.15 N), 750).</summary>
    public static int ProbationLength(int rows) => (int)Math.Min(Math.Floor(ProbationPercent * rows), ProbationPercent * 5000);

    /// <summary>Prepares a file: locates each row relative to the windows (matched on their start and end timestamps).</summary>
    public static NabFileRows Prepare(string key, IReadOnlyList<DateTime> timestamps, IReadOnlyList<double> scores, IReadOnlyList<NabWindow> windows)
    {
        if (timestamps.Count != scores.Count)
        {
            throw new InvalidDataException($"{key}: {scores.Count} scores for {timestamps.Count} rows.");
        }

        var probation = ProbationLength(timestamps.Count);
        var rows = new NabRow[timestamps.Count];
        var pending = 0;
        int current = -1, right = -1, previousRight = -1;
        double width = 0, previousWidth = 0;
        var scoredWindows = new HashSet<int>();
        for (var i = 0; i < rows.Length; i++)
        {
            var t = timestamps[i];
            if (current < 0 && pending < windows.Count && t == windows[pending].Start)
            {
                current = pending++;
                right = IndexOf(timestamps, windows[current].End, i);
                width = right - i + 1;
            }

            double sigmoid;
            if (current >= 0)
            {
                sigmoid = ScaledSigmoid(-(right - i + 1) / width);
            }
            else if (previousRight < 0)
            {
                sigmoid = -1.0;
            }
            else
            {
                sigmoid = ScaledSigmoid(Math.Abs(previousRight - i) / (previousWidth - 1));
            }

            var where = i < probation ? NabRow.Probation : current >= 0 ? current : NabRow.Outside;
            if (where >= 0) scoredWindows.Add(where);
            rows[i] = new NabRow(scores[i], sigmoid, where);
            if (current >= 0 && t == windows[current].End)
            {
                previousRight = i;
                previousWidth = width;
                current = -1;
            }
        }

        return new NabFileRows(key, rows, windows.Count, scoredWindows.Count);
    }

    /// <summary>Raw corpus score and row counts at <paramref name="threshold"/> (a row is detected when its score &gt;= threshold), per file and in total.</summary>
    public static (NabFileScore Totals, IReadOnlyList<NabFileScore> Files) ScoreAt(IReadOnlyList<NabFileRows> files, NabProfile profile, double threshold)
    {
        var perFile = new List<NabFileScore>(files.Count);
        double total = 0;
        int tp = 0, tn = 0, fp = 0, fn = 0;
        foreach (var file in files)
        {
            var best = new double?[file.WindowCount];
            double fpScore = 0;
            int ftp = 0, ftn = 0, ffp = 0, ffn = 0;
            foreach (var row in file.Rows)
            {
                if (!row.IsScored) continue;
                var detected = row.Score >= threshold;
                if (row.Window >= 0)
                {
                    best[row.Window] ??= -profile.FalseNegative;
                    if (detected)
                    {
                        ftp++;
                        best[row.Window] = Math.Max(best[row.Window]!.Value, row.Weight(profile));
                    }
                    else
                    {
                        ffn++;
                    }
                }
                else if (detected)
                {
                    ffp++;
                    fpScore += row.Weight(profile);
                }
                else
                {
                    ftn++;
                }
            }

            var score = fpScore + best.Sum(b => b ?? 0);
            perFile.Add(new NabFileScore(file.Key, threshold, score, ftp, ftn, ffp, ffn));
            total += score;
            (tp, tn, fp, fn) = (tp + ftp, tn + ftn, fp + ffp, fn + ffn);
        }

        return (new NabFileScore("Totals", threshold, total, tp, tn, fp, fn), perFile);
    }

    /// <summary>The corpus raw score at every candidate threshold, highest threshold first (NAB's <c>calcScoreByThreshold</c>).</summary>
    public static IReadOnlyList<NabFileScore> ScoresByThreshold(IReadOnlyList<NabFileRows> files, NabProfile profile)
    {
        var scored = new List<(double Score, double Weight, int Window)>();
        var windowBase = 0;
        foreach (var file in files)
        {
            foreach (var row in file.Rows)
            {
                if (row.IsScored) scored.Add((row.Score, row.Weight(profile), row.Window >= 0 ? windowBase + row.Window : -1));
            }

            windowBase += file.WindowCount;
        }

        var ordered = scored.OrderByDescending(r => r.Score).ToArray(); // stable, as Python's sorted
        var parts = new double[windowBase];
        var order = new List<int>();
        var seen = new bool[windowBase];
        foreach (var r in ordered)
        {
            if (r.Window < 0 || seen[r.Window]) continue;
            seen[r.Window] = true;
            order.Add(r.Window);
            parts[r.Window] = -profile.FalseNegative;
        }

        double fpPart = 0;
        var threshold = NoDetectionThreshold;
        int tp = 0, fp = 0;
        var tn = ordered.Count(r => r.Window < 0);
        var fn = ordered.Length - tn;
        var results = new List<NabFileScore>();
        foreach (var r in ordered)
        {
            if (r.Score != threshold)
            {
                results.Add(new NabFileScore("Totals", threshold, Sum(fpPart, parts, order), tp, tn, fp, fn));
                threshold = r.Score;
            }

            if (r.Window >= 0)
            {
                tp++;
                fn--;
                parts[r.Window] = Math.Max(parts[r.Window], r.Weight);
            }
            else
            {
                fp++;
                tn--;
                fpPart += r.Weight;
            }
        }

        results.Add(new NabFileScore("Totals", threshold, Sum(fpPart, parts, order), tp, tn, fp, fn));
        return results;
    }

    /// <summary>The threshold with the highest raw corpus score (ties: the highest threshold).</summary>
    public static double OptimizeThreshold(IReadOnlyList<NabFileRows> files, NabProfile profile)
    {
        NabFileScore? best = null;
        foreach (var s in ScoresByThreshold(files, profile))
        {
            if (best is null || s.Score > best.Score) best = s;
        }

        return best!.Threshold;
    }

    /// <summary>Optimises the threshold, scores every file at it and normalises: 100 (S - S_null) / (S_perfect - S_null).</summary>
    public static NabProfileScore Score(IReadOnlyList<NabFileRows> files, NabProfile profile, double? threshold = null)
    {
        var t = threshold ?? OptimizeThreshold(files, profile);
        var (totals, perFile) = ScoreAt(files, profile, t);
        var windows = files.Sum(f => f.ScoredWindowCount);
        var perfect = profile.TruePositive * windows;
        var none = -profile.FalseNegative * windows;
        var normalized = windows == 0 ? 0 : 100 * (totals.Score - none) / (perfect - none);
        return new NabProfileScore(profile, totals, normalized, none, perfect, perFile);
    }

    private static double Sum(double fpPart, double[] parts, List<int> order)
    {
        var sum = fpPart;
        foreach (var w in order) sum += parts[w];
        return sum;
    }

    private static int IndexOf(IReadOnlyList<DateTime> timestamps, DateTime t, int from)
    {
        for (var i = from; i < timestamps.Count; i++)
        {
            if (timestamps[i] == t) return i;
        }

        throw new InvalidDataException($"Window end {t:yyyy-MM-dd HH:mm:ss} is not a timestamp of the file.");
    }
}
