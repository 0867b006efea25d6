"""`python -m tools.bench`: see tools/bench/measure.py."""

import sys

from servator.rasa_runtime.training import use_rasa_process_env

use_rasa_process_env()  # before Rasa or TensorFlow is imported

from tools.bench.measure import main  # noqa: E402

sys.exit(main())
