"""The blocked mean pass's data total (derive/descent/fused.py) and the saved-model reader's
refusal of a name it cannot open (neuron/safe_json.py), against sums and messages worked out
here. Each test names the bug it catches."""
import numpy as np
import pytest

from derive import gradient, parse_expression
from derive.descent.fused import BlockedMean
from neuron import Neuron
from neuron.errors import NeuronFileError

XS = np.array([0.5, -1.0, 2.0, 1.5, 0.25])
YS = np.array([1.0, 0.0, 3.0, -2.0, 0.5])


@pytest.mark.parametrize("block", [1, 2, 3, 5, 8])
def test_the_blocked_pass_of_a_loss_not_of_the_linear_model_sums_every_value_once(block):
    """Ridge ½(y − wx − b)² + 3w²/2 is run block by block (not the fused pass): the mean gradient
    (−mean(r·x) + 3w, −mean(r)) by hand, and the total is x's sum plus y's, 5.75, in any block
    size. Catches a block's total subtracted, or summed from the start instead of the block's."""
    mean = BlockedMean(gradient(parse_expression("(y - w*x - b)**2 / 2 + 3*w**2/2"), ["w", "b"]), block=block)
    assert not mean.fused
    w, b = 0.4, -0.3
    r = YS - w * XS - b
    grads, total = mean.mean_gradient_and_total([w, b], [XS, YS])
    np.testing.assert_allclose(grads, [np.mean(-r * XS) + 3 * w, np.mean(-r)], rtol=1e-13)
    assert total == pytest.approx(XS.sum() + YS.sum(), rel=1e-14)


def test_a_file_name_with_a_nul_byte_is_refused_saying_why():
    """Catches the reason replaced (the ValueError's text is the only one there is)."""
    with pytest.raises(NeuronFileError, match="embedded null byte"):
        Neuron.load("model\0.json")
