"""Runs bad-input cases in worker processes and sorts each outcome into a class.

A worker starts QGIS once and runs its cases in sequence. Before each case it appends a "start"
line to its results file (flushed to disk), after it an "end" line with the outcome. When a worker
dies, the case it had started and not finished is a crash, and the cases it had not reached run
in a fresh worker; a case that runs longer than ``CASE_TIMEOUT`` is killed and counted as a crash too.

    python tests/bad_input/runner.py --worker JOB.json RESULTS.jsonl     (what the orchestrator starts)
"""
import gc
import hashlib
import json
import math
import os
import re
import signal
import subprocess
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CASE_TIMEOUT = 120.0   # seconds; the slowest case (a plan check with its PDF report) takes about 6
STARTUP_TIMEOUT = 120.0   # seconds for a worker to start QGIS and its first case (2 s on an idle machine)

# Outcome classes. The first three are what a bad input may lead to; the others are failures.
REFUSAL, SKIP, OK = "refusal", "counted skip", "ok"
CRASH, TRACEBACK, WRONG, UNCLEAR = "crash", "traceback", "silently wrong", "unclear refusal"
ACCEPTABLE = (REFUSAL, SKIP, OK)
CLASSES = (REFUSAL, SKIP, OK, CRASH, TRACEBACK, WRONG, UNCLEAR)

# A number printed as nan/inf. Quoting a bad input value back ("e.g. inf", "“nan,0.2,0.2”", "codes (inf)")
# names it; "(nan%)" or "inf m²" is a result computed from it.
NON_FINITE = re.compile(r"(?<![\w.])-?(nan|inf|NaN|Infinity)(?![\w])")
QUOTED_BEFORE = re.compile(r"(e\.g\. |found |[“\"'(]|, )-?$")
QUOTED_AFTER = re.compile(r"^([)”\"',;]|\.(\s|$))")


def non_finite_number(text):
    for match in NON_FINITE.finditer(text or ""):
        before, after = text[:match.start()], text[match.end():]
        in_quotes = before.rfind("“") > before.rfind("”") and "”" in after
        if not in_quotes and not (QUOTED_BEFORE.search(before) and QUOTED_AFTER.match(after)):
            return True
    return False


# What makes a message raw Python rather than a sentence for a planner: a traceback, an exception class
# name (ValueError, EmptyDataError, QgsCsException…), a repr, Python's codec error text.
RAW_PYTHON = re.compile(r"Traceback \(most recent call last\)|\b[A-Z][A-Za-z]*(Error|Exception)\b|<built-in|"
                        r"<class '|\bFile \"|codec can't (de|en)code")
# A log line counting what was left out or mended: a number followed by a word, and one of these.
COUNT_WORDS = re.compile(r"skip|repair|no geometry|left out|ignored|no .{0,40}value|not counted|counted as|"
                         r"stay empty|stays empty|empty|NULL|default|outside|unplaced|invalid|negative|missing|"
                         r"not a number|dropped|no usable|no valid|cannot|could not|farther|no path|counts? as|in no zone|nowhere",
                         re.IGNORECASE)


# ---- classification (pure: used by the worker and unit-tested without QGIS) ------------------------
def raw_python(message):
    return bool(RAW_PYTHON.search(message or "")) or non_finite_number(message)


def raising_line(message, depth=2):
    """file:line of the innermost ``depth`` frames of a traceback text that lie in the plugin (the
    innermost first, joined by " < "), else the innermost frame, else ''."""
    frames = re.findall(r'File "([^"]+)", line (\d+)', message or "")
    mine = []
    for path, line in reversed(frames):
        if "lcr_toolkit/" in path or path.startswith(os.fspath(REPO)):
            rel = path.split("lcr_toolkit/", 1)[-1] if "lcr_toolkit/" in path else os.path.relpath(path, REPO)
            mine.append(f"{rel}:{line}")
    if mine:
        return " < ".join(mine[:depth])
    return f"{frames[-1][0]}:{frames[-1][1]}" if frames else ""


def last_error_line(message):
    """The exception line of a traceback text (e.g. "ValueError: not a longitude/latitude: …")."""
    lines = [line for line in (message or "").strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def counts_in_log(log, n):
    """True where a log line counts ``n`` things left out or mended ("3 buildings have no geometry…").
    Processing's own echo of the results ("Results: {…}") holds ids with digits in them: not a count."""
    number = re.compile(rf"(?:^|[\s(“:]){n}\s+\w")
    return any(number.search(line) and COUNT_WORDS.search(line) for line in log if not line.startswith("Results:"))


# QGIS's own error texts that reach the user unexplained when a model step fails on a bad value.
RAW_QGIS = re.compile(r"Evaluation error in expression|Cannot convert '.*' to double")


def classify_refusal(message, names):
    """REFUSAL, UNCLEAR or TRACEBACK for a QgsProcessingException, with the problems found."""
    if raw_python(message):
        return TRACEBACK, [f"raw Python in the message: {last_error_line(message)[:200]}"]
    if RAW_QGIS.search(message):
        return UNCLEAR, [f"a QGIS expression error, not a sentence: {last_error_line(message)[:200]}"]
    if names and not any(name.lower() in message.lower() for name in names):
        return UNCLEAR, ["the message names none of: " + ", ".join(names)]
    return REFUSAL, []


def classify_success(problems, skipped, log):
    if problems:
        return WRONG, problems
    if skipped:
        if counts_in_log(log, skipped):
            return SKIP, []
        return WRONG, [f"{skipped} bad feature(s) not counted in the log"]
    return OK, []


# ---- the worker ----------------------------------------------------------------------------------------
def file_hashes(paths):
    hashes = {}
    for path in paths:
        if os.path.isfile(path):
            with open(path, "rb") as handle:
                hashes[path] = hashlib.sha256(handle.read()).hexdigest()
    return hashes


def input_files(folder, params):
    """Every file under the case's input folder, every existing file a parameter names, and the shipped
    factor tables and profiles, which every algorithm reads when no table of its own is given."""
    files = {os.fspath(p) for p in Path(folder).rglob("*") if p.is_file()}
    for shipped in ("factors", "profiles"):
        files.update(os.fspath(p) for p in (REPO / "resources" / shipped).glob("*.csv"))

    outputs = os.fspath(Path(folder).parent / "out") + os.sep   # an output may be there before the run

    def add(value):
        if isinstance(value, str):
            path = value.split("|", 1)[0]
            if os.path.isfile(path) and not path.startswith(outputs):
                files.add(path)
        elif isinstance(value, (list, tuple)):
            for item in value:
                add(item)
    for value in params.values():
        add(value)
    return sorted(files)


def plain(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value


class Run:
    """A finished run as a check sees it: ``result`` (layers as QGIS layers), ``log`` (infos and
    warnings), and helpers to read the output layers."""

    def __init__(self, result, log, context):
        self.result, self.log, self.context = result, log, context

    def layer(self, output="OUTPUT"):
        from qgis.core import QgsMapLayer, QgsProcessingUtils

        value = self.result[output]
        if isinstance(value, QgsMapLayer):
            return value
        return QgsProcessingUtils.mapLayerFromString(value, self.context)

    def rows(self, output="OUTPUT"):
        layer = self.layer(output)
        names = layer.fields().names()
        return [{name: plain(feature[name]) for name in names} for feature in layer.getFeatures()]

    def by(self, key, output="OUTPUT"):
        return {row[key]: row for row in self.rows(output)}

    def text(self):
        return "\n".join(self.log)


def input_fields(params):
    """Names of the fields of every input layer: an output passes them through unchanged, so a NaN
    there is the input's, not the algorithm's."""
    from osgeo import ogr

    names = set()
    for value in params.values():
        if isinstance(value, str) and "|layername=" in value:
            path, _, layer_name = value.partition("|layername=")
            source = ogr.Open(path)
            layer = source.GetLayerByName(layer_name) if source else None
            if layer is not None:
                definition = layer.GetLayerDefn()
                names.update(definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount()))
            source = None
    return names


def generic_problems(run, nonnegative, passed_through=()):
    """Non-finite numbers in the scalar results, the output layers and rasters, or the log; negative
    values in fields that cannot be negative. Fields ``passed_through`` from the inputs are left alone."""
    import numpy as np
    from osgeo import gdal
    from qgis.core import QgsRasterLayer, QgsVectorLayer

    problems = []
    for key, value in run.result.items():
        if isinstance(value, float) and not math.isfinite(value):
            problems.append(f"result {key} = {value}")
        elif isinstance(value, (int, float)) and key in nonnegative and value < 0:
            problems.append(f"result {key} = {value} < 0")
    for key, value in run.result.items():
        if not isinstance(value, str) and not hasattr(value, "getFeatures") and not hasattr(value, "dataProvider"):
            continue
        try:
            layer = run.layer(key)
        except Exception:   # a file output (HTML, PDF) is no layer
            layer = None
        if isinstance(layer, QgsVectorLayer):
            bad = {}
            for feature in layer.getFeatures():
                for name, item in zip(layer.fields().names(), feature.attributes()):
                    if name in passed_through and name not in nonnegative:
                        continue
                    item = plain(item)
                    if isinstance(item, float) and not math.isfinite(item):
                        bad.setdefault(name, item)
                    elif isinstance(item, (int, float)) and name in nonnegative and item < 0:
                        bad.setdefault(name, item)
            problems += [f"{key}: field {name} holds {item}" for name, item in bad.items()]
        elif isinstance(layer, QgsRasterLayer):
            dataset = gdal.Open(layer.source())
            band = dataset.GetRasterBand(1)
            array = band.ReadAsArray().astype(float)
            nodata = band.GetNoDataValue()
            valid = array != nodata if nodata is not None and not math.isnan(nodata) else True
            if (~np.isfinite(array) & valid).any():
                problems.append(f"{key}: raster holds non-finite pixels")
        elif isinstance(value, str) and value.endswith(".html") and os.path.isfile(value):
            page = Path(value).read_text(encoding="utf-8", errors="replace")
            page = re.sub(r"data:image/[^\"']+", "", page)
            if re.search(r">\s*-?(nan|inf)\b", page):
                problems.append(f"{key}: the report shows nan/inf")
    for line in run.log:
        if non_finite_number(line) and not line.startswith("Results: "):   # Processing's echo of the result
            problems.append(f"log: {line.strip()[:160]}")
            break
    return problems


def start_qgis():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, os.fspath(REPO / "scripts"))
    import qgis_session  # noqa: E402

    qgis_session.start()
    from qgis.core import QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines, self.errors = [], []

        def pushInfo(self, info):  # noqa: N802
            self.lines.append(info)

        def pushWarning(self, warning):  # noqa: N802
            self.lines.append(warning)

        def pushDebugInfo(self, info):  # noqa: N802
            pass

        def reportError(self, error, fatalError=False):  # noqa: N802
            self.lines.append(error)
            self.errors.append(error)
    return Log


def run_case(case, folder, log_class):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProject

    from bad_input import cases as case_module

    folder = Path(folder)
    started = time.perf_counter()
    record = {"target": case.target, "case": case.id, "problems": [], "message": "", "where": "",
              "changed": [], "log": []}
    try:
        params = case.build(case_module.Folder(folder))
    except Exception:   # a broken case is the suite's bug, not the toolkit's: say so loudly
        record.update(outcome="suite error", message=traceback.format_exc())
        return record
    files = input_files(folder / "in", params)
    before = file_hashes(files)
    feedback = log_class()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setFeedback(feedback)
    try:
        result = processing.run(case.algorithm, params, feedback=feedback, context=context)
    except QgsProcessingException as err:
        # A model says only which step failed; the step's own message went to the feedback.
        message = "\n".join([str(err)] + [e for e in feedback.errors if e.strip() and e.strip() != str(err).strip()])
        outcome, problems = classify_refusal(message, case.names)
        record.update(outcome=outcome, problems=problems, message=message, where=raising_line(message))
    except Exception as err:   # noqa: BLE001 (any other exception is the failure being looked for)
        message = traceback.format_exc()
        record.update(outcome=TRACEBACK, message=message, where=raising_line(message),
                      problems=[f"{type(err).__name__}: {err}"])
    else:
        run = Run(result, feedback.lines, context)
        try:
            problems = generic_problems(run, case.nonnegative, input_fields(params))
            problems += case.check(run) if case.check else []
        except Exception:
            problems = ["the check failed: " + traceback.format_exc().strip().splitlines()[-1]]
        outcome, problems = classify_success(problems, case.skipped, feedback.lines)
        record.update(outcome=outcome, problems=problems)
    # GDAL writes a raster's .aux.xml when its dataset closes: let go of every layer and dataset first.
    result = run = context = None
    QgsProject.instance().removeAllMapLayers()
    gc.collect()
    after = file_hashes(files)
    record["changed"] = sorted(os.path.relpath(p, folder) if p.startswith(os.fspath(folder)) else p
                               for p in files if before.get(p) != after.get(p))
    # New files beside the inputs leave their bytes alone, but the run wrote into the user's data folder.
    record["created"] = sorted(os.path.relpath(p, folder) for p in input_files(folder / "in", {})
                               if p not in before and p.startswith(os.fspath(folder)))
    record["log"] = [line for line in feedback.lines if line][-12:]
    record["seconds"] = round(time.perf_counter() - started, 3)
    return record


def worker(job_path, results_path):
    job = json.loads(Path(job_path).read_text(encoding="utf-8"))
    sys.path.insert(0, os.fspath(HERE.parent))
    log_class = start_qgis()
    from bad_input.cases import CASES

    with open(results_path, "a", encoding="utf-8") as results:
        def write(entry):
            results.write(json.dumps(entry, ensure_ascii=False) + "\n")
            results.flush()
            os.fsync(results.fileno())
        for target, case_id in job["pairs"]:
            write({"event": "start", "target": target, "case": case_id})
            folder = Path(job["root"]) / target / case_id
            record = run_case(CASES[(target, case_id)], folder, log_class)
            write({"event": "end", **record})
    os._exit(0)   # QGIS's exit handlers are not what is under test, and can take seconds


# ---- the orchestrator ------------------------------------------------------------------------------------
def read_results(path):
    started, ended = [], {}
    if os.path.exists(path):
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:   # a line cut short by a crash
                continue
            key = (entry["target"], entry["case"])
            if entry["event"] == "start":
                started.append(key)
            else:
                ended[key] = entry
    return started, ended


# Rough seconds a case takes, to share the targets between the workers.
SLOW = {"master_plan_check": 6.0, "detailed_plan_check": 10.0, "master_plan_check_model": 6.0,
        "detailed_plan_check_model": 10.0, "planning_report": 2.0, "resilience_assessment": 2.5,
        "carbon_balance_from_layers": 2.0, "emissions_and_flood_exposure": 1.0, "prepare_osm": 1.0}


def weight(target):
    return SLOW.get(target, 0.1)


def split(pairs, jobs, weight):
    """``jobs`` lists of pairs, whole targets kept together, the heaviest targets spread first."""
    targets = {}
    for target, case_id in pairs:
        targets.setdefault(target, []).append((target, case_id))
    lists, loads = [[] for _ in range(jobs)], [0.0] * jobs
    for target in sorted(targets, key=lambda t: -weight(t) * len(targets[t])):
        i = loads.index(min(loads))
        lists[i] += targets[target]
        loads[i] += weight(target) * len(targets[target])
    return [chunk for chunk in lists if chunk]


def run_cases(pairs, root, jobs=2, weight=lambda target: 1.0, case_timeout=CASE_TIMEOUT, echo=None):
    """Run (target, case) ``pairs`` in ``jobs`` workers under ``root``; {(target, case): record}."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    settings = root / "qgis-settings"   # a profile of its own: no user factor tables, no user settings
    settings.mkdir(exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=os.fspath(settings),
               PATH="/usr/bin:" + os.environ.get("PATH", ""), PYTHONFAULTHANDLER="1")
    records, pending, running, serial = {}, [list(chunk) for chunk in split(pairs, jobs, weight)], [], 0

    def start(chunk):
        nonlocal serial
        serial += 1
        job, out, err = (root / f"worker{serial}.{suffix}" for suffix in ("json", "jsonl", "stderr"))
        job.write_text(json.dumps({"pairs": chunk, "root": os.fspath(root)}), encoding="utf-8")
        with open(err, "wb") as stderr:
            process = subprocess.Popen([sys.executable, os.fspath(Path(__file__)), "--worker", os.fspath(job),
                                        os.fspath(out)], env=env, stdout=subprocess.DEVNULL, stderr=stderr,
                                       start_new_session=True)
        running.append({"process": process, "chunk": chunk, "out": out, "err": err, "seen": None,
                        "since": time.monotonic()})

    while pending or running:
        while pending and len(running) < jobs:
            start(pending.pop(0))
        time.sleep(0.2)
        for worker_state in list(running):
            process = worker_state["process"]
            started, ended = read_results(worker_state["out"])
            current = started[-1] if started and started[-1] not in ended else None
            if current != worker_state["seen"]:
                worker_state["seen"], worker_state["since"] = current, time.monotonic()
            # A case gets case_timeout; starting QGIS (nothing started yet) gets STARTUP_TIMEOUT.
            limit = case_timeout if current is not None else max(case_timeout, STARTUP_TIMEOUT)
            hung = time.monotonic() - worker_state["since"] > limit
            if hung:
                os.killpg(process.pid, signal.SIGKILL)
            if process.poll() is None and not hung:
                continue
            process.wait()
            running.remove(worker_state)
            # Read again: the worker may have finished its last case between the read above and poll().
            started, ended = read_results(worker_state["out"])
            current = started[-1] if started and started[-1] not in ended else None
            for key, entry in ended.items():
                records[key] = entry
                if echo:
                    echo(entry)
            if current is None and not ended and (hung or process.returncode != 0):
                # Died before its first case (QGIS would not start, say): blame that case, or this
                # loop would start the same worker for ever.
                current = tuple(worker_state["chunk"][0])
            if current is not None:
                tail = Path(worker_state["err"]).read_text(encoding="utf-8", errors="replace").strip()
                tail = "\n".join(tail.splitlines()[-15:])
                how = (f"ran over {case_timeout:.0f} s and was killed" if hung
                       else f"the worker died with exit status {process.returncode}")
                records[current] = {"target": current[0], "case": current[1], "outcome": CRASH,
                                    "message": f"{how}\n{tail}", "problems": [how], "where": "", "changed": [],
                                    "log": []}
                if echo:
                    echo(records[current])
            rest = [pair for pair in worker_state["chunk"] if tuple(pair) not in records]
            if rest:
                pending.insert(0, rest)
    return records


def outcome_counts(records):
    """{class: n} over ``records``, with "input changed" counted besides the class."""
    counts = {name: 0 for name in CLASSES}
    counts["input changed"] = 0
    for record in records.values():
        counts[record["outcome"]] = counts.get(record["outcome"], 0) + 1
        counts["input changed"] += bool(record.get("changed"))
    return counts


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        worker(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
