"""The bad-input suite (tests/test_bad_input.py): every algorithm and shipped model run against each
kind of bad input, each run in a worker process so that a crash fails one case instead of pytest.

build.py writes the inputs, cases.py says what each case feeds in and what a successful run must
give (more.py and formats.py derive further cases from its base cases), runner.py runs cases in
workers and sorts each outcome into a class."""
