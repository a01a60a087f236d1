"""How every bench script reports (issue #13): each figure with OK or KO against its target
and the load average of the machine next to it (the machine is shared: a figure measured
under a load of 6 reads higher), a visible reason when a measure is skipped, exit 1 on a
miss. Imported by the scripts of `bench/` (which put this folder on `sys.path`)."""

import os
import sys

_results = []


def load_average():
    """The 1-minute load average, or None where the system does not tell."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def verdict(label, value, unit, target, ok):
    """Print one figure: 'OK  label  12.3 ms  (objectif ≤ 100 ms)  charge 3.2'."""
    load = load_average()
    load_text = f"charge {load:.1f}" if load is not None else "charge ?"
    shown = f"{value:8.1f} {unit}" if isinstance(value, float) else f"{value!s:>8} {unit}"
    print(f"  {'OK' if ok else 'KO'}  {label[:52]:52} {shown:14} (objectif {target})  {load_text}")
    _results.append(bool(ok))
    return ok


def skip(script, french, english):
    """Skip the whole script, saying why in French and in English; exit 0."""
    print(f"{script} : mesure sautée — {french} / skipped: {english}")
    sys.exit(0)


def finish():
    """Exit 1 when any figure missed its target (or none was measured)."""
    missed = _results.count(False)
    if missed:
        print(f"{missed} objectif(s) manqué(s) sur {len(_results)}")
    sys.exit(1 if missed or not _results else 0)
