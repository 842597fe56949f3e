namespace Fabric.Tool.Console;

/// <summary>The status itself: setting its parts, drawing it at most every <see cref="MinRedrawInterval"/>, pausing it.</summary>
internal sealed partial class TerminalStatusLine
{
    /// <summary>Sets the run's status text (null: none, erased at once); a changed text is drawn at most every <see cref="MinRedrawInterval"/>.</summary>
    public void SetStatus(string? text) => SetStatus(StatusPart.Run, text);

    /// <summary>
    /// Sets one part of the status (null: that part is gone). The parts share the one line, the run's first, so a parallel
    /// run's counts and a transfer's bar are both seen; a changed text is drawn at most every <see cref="MinRedrawInterval"/>.
    /// </summary>
    public void SetStatus(StatusPart part, string? text)
    {
        if (!IsInteractive)
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _parts.Set(part, text);
            if (_parts.Text is null)
            {
                _output.Put(EraseIfDrawn());
                FlushLocked();
                return;
            }

            var since = _time.GetElapsedTime(_lastDraw);
            if (since >= MinRedrawInterval)
            {
                DrawLocked();
            }
            else if (!_timerArmed)
            {
                _timerArmed = true;
                _timer!.Change(MinRedrawInterval - since, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>
    /// Writes what waits, erases the status and draws none until the result is disposed: while a question is asked on the
    /// terminal, so that the status neither sits before the question nor is drawn over what the user types.
    /// </summary>
    public IDisposable Pause()
    {
        lock (_gate)
        {
            _paused++;
            _output.Put(EraseIfDrawn());
            FlushLocked();
        }

        return new Resume(this);
    }

    /// <summary>The timer's tick: draws the latest status text if it is not on the screen yet.</summary>
    private void DrawIfChanged()
    {
        lock (_gate)
        {
            _timerArmed = false;
            if (!_disposed && _parts.Text is { } status && status != _drawn)
            {
                DrawLocked();
            }
        }
    }

    private void DrawLocked()
    {
        if (_midLine || _paused > 0)
        {
            return;
        }

        _output.Put(EraseIfDrawn());
        FlushLocked();
    }

    /// <summary>The status to draw now (cut to the terminal's width), marked drawn; empty when there is none or stdout is mid-line.</summary>
    private string StatusText()
    {
        if (_parts.Text is not { } status || _midLine || _disposed || _paused > 0)
        {
            return "";
        }

        _drawn = StatusParts.Fit(status, _width());
        _lastDraw = _time.GetTimestamp();
        return _drawn;
    }

    /// <summary>Ends a <see cref="Pause"/>: the status comes back.</summary>
    private sealed class Resume(TerminalStatusLine owner) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 1)
            {
                return;
            }

            lock (owner._gate)
            {
                owner._paused--;
                if (owner._paused == 0 && !owner._disposed && owner._parts.Text is not null)
                {
                    owner.DrawLocked();
                }
            }
        }
    }
}
