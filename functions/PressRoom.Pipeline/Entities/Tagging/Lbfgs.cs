namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>Settings of <see cref="Lbfgs"/>.</summary>
internal sealed record LbfgsOptions
{
    /// <summary>Correction pairs kept (the memory of the inverse-Hessian approximation).</summary>
    public int History { get; init; } = 10;

    public int MaxIterations { get; init; } = 100;

    /// <summary>Stop when ‖g‖ ≤ this × max(1, ‖x‖).</summary>
    public double GradientTolerance { get; init; } = 1e-5;

    /// <summary>Stop when the objective improved by less than this fraction over the last <see cref="Period"/> iterations.</summary>
    public double RelativeImprovement { get; init; } = 1e-5;

    public int Period { get; init; } = 10;

    /// <summary>Sufficient-decrease constant of the Armijo condition.</summary>
    public double Armijo { get; init; } = 1e-4;

    public int MaxLineSearchSteps { get; init; } = 40;
}

/// <summary>Outcome of a minimization: the objective at the last point, iterations and evaluations spent, and why it stopped.</summary>
internal sealed record LbfgsResult(double Value, int Iterations, int Evaluations, string Stop);

/// <summary>
/// Limited-memory BFGS (Nocedal 1980; two-loop recursion) with a backtracking line search on the Armijo condition.
/// Why backtracking: L-BFGS's scaled direction almost always accepts the unit step, so a bracketing More–Thuente search
/// would rarely do more; the step is halved (or cut by a safeguarded quadratic fit) when it does not. Pairs whose
/// curvature sᵀy is not positive are skipped, which keeps the approximation positive definite. Deterministic: plain
/// loops in a fixed order.
/// </summary>
internal sealed class Lbfgs(LbfgsOptions options)
{
    /// <summary>An objective: writes the gradient at x into g and returns the value.</summary>
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> g);

    /// <summary>Minimizes <paramref name="f"/> starting from (and updating) <paramref name="x"/>.</summary>
    public LbfgsResult Minimize(Objective f, double[] x, Action<int, double, double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        var n = x.Length;
        var m = Math.Max(1, options.History);
        var s = new double[m][];
        var y = new double[m][];
        var rho = new double[m];
        var alpha = new double[m];
        var stored = 0;
        var newest = -1;
        var g = new double[n];
        var d = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        var sNew = new double[n];
        var yNew = new double[n];
        var history = new List<double>();
        var value = f(x, g);
        var evaluations = 1;
        history.Add(value);
        if (Norm(g) <= options.GradientTolerance * Math.Max(1, Norm(x)))
        {
            return new LbfgsResult(value, 0, evaluations, "gradient");
        }

        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Two-loop recursion: d = −H·g, newest pair first, then oldest first.
            for (var i = 0; i < n; i++)
            {
                d[i] = -g[i];
            }

            for (var k = 0; k < stored; k++)
            {
                var j = (newest - k + m) % m;
                alpha[j] = rho[j] * Dot(s[j], d);
                Axpy(-alpha[j], y[j], d);
            }

            if (stored > 0)
            {
                // Initial Hessian γI, γ = sᵀy / yᵀy of the newest pair.
                var gamma = Dot(s[newest], y[newest]) / Dot(y[newest], y[newest]);
                Scale(d, gamma);
            }

            for (var k = stored - 1; k >= 0; k--)
            {
                var j = (newest - k + m) % m;
                var beta = rho[j] * Dot(y[j], d);
                Axpy(alpha[j] - beta, s[j], d);
            }

            var slope = Dot(g, d);
            if (slope >= 0)
            {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                for (var i = 0; i < n; i++)
                {
                    d[i] = -g[i];
                }

                slope = Dot(g, d);
                stored = 0;
            }

            // First iteration: a step of unit length along −g; afterwards the quasi-Newton unit step.
            var step = stored == 0 && iteration == 1 ? 1 / Math.Max(Norm(d), 1e-12) : 1.0;
            double valueNew = 0;
            var accepted = false;
            for (var ls = 0; ls < options.MaxLineSearchSteps; ls++)
            {
                for (var i = 0; i < n; i++)
                {
                    xNew[i] = x[i] + step * d[i];
                }

                valueNew = f(xNew, gNew);
                evaluations++;
                if (double.IsFinite(valueNew) && valueNew <= value + options.Armijo * step * slope)
                {
                    accepted = true;
                    break;
                }

                // Minimizer of the quadratic through f(0), f'(0) and f(step), kept within [0.1, 0.5] of the step.
                var next = double.IsFinite(valueNew) ? -slope * step * step / (2 * (valueNew - value - slope * step)) : step * 0.1;
                step = Math.Clamp(next, step * 0.1, step * 0.5);
            }

            if (!accepted)
            {
                return new LbfgsResult(value, iteration - 1, evaluations, "line search");
            }

            // New pair (s, y) into the oldest slot; skipped unless the curvature is positive.
            for (var i = 0; i < n; i++)
            {
                sNew[i] = xNew[i] - x[i];
                yNew[i] = gNew[i] - g[i];
            }

            var sy = Dot(sNew, yNew);
            if (sy > 1e-10 * Dot(yNew, yNew))
            {
                newest = (newest + 1) % m;
                (s[newest], sNew) = (sNew, s[newest] ?? new double[n]);
                (y[newest], yNew) = (yNew, y[newest] ?? new double[n]);
                rho[newest] = 1 / sy;
                stored = Math.Min(stored + 1, m);
            }

            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            value = valueNew;
            history.Add(value);
            progress?.Invoke(iteration, value, Norm(g));
            if (Norm(g) <= options.GradientTolerance * Math.Max(1, Norm(x)))
            {
                return new LbfgsResult(value, iteration, evaluations, "gradient");
            }

            if (history.Count > options.Period)
            {
                var before = history[^(options.Period + 1)];
                if ((before - value) / Math.Max(Math.Abs(value), 1e-12) < options.RelativeImprovement)
                {
                    return new LbfgsResult(value, iteration, evaluations, "converged");
                }
            }
        }

        return new LbfgsResult(value, options.MaxIterations, evaluations, "iterations");
    }

    static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    static double Norm(double[] a) => Math.Sqrt(Dot(a, a));

    static void Axpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < y.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    static void Scale(double[] a, double factor)
    {
        for (var i = 0; i < a.Length; i++)
        {
            a[i] *= factor;
        }
    }
}
