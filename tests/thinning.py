"""The thinned loss history's rule, written out independently of derive/descent/thinned.py,
for the long-run tests (in memory and with Dask)."""


def expected_epochs(total: int, capacity: int) -> list[int]:
    """The smallest power-of-two stride whose epochs 1, 1 + s, … together with
    the last are at most ``capacity``."""
    stride = 1
    while True:
        kept = sorted(set(range(1, total + 1, stride)) | {total})
        if len(kept) <= capacity:
            return kept
        stride *= 2
