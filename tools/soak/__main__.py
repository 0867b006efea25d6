"""`python -m tools.soak`: see tools/soak/run.py."""

import sys

from servator.rasa_runtime.training import use_rasa_process_env

use_rasa_process_env()  # before Rasa or TensorFlow is imported

from tools.soak.run import main  # noqa: E402

sys.exit(main())
