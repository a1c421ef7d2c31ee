# Verify — the README's commands. `make test` is what CI runs (through .ci/run).
DOTNET ?= dotnet
RESULTS := reports/results
EVIDENCE := reports/evidence

.PHONY: test report bench mutate clean check-report check-determinism

test:
	$(DOTNET) test Verify.sln $(TEST_ARGS)

# Runs every spec (fresh evidence, .trx results), then joins claims + evidence + outcomes into
# reports/index.html. A failing spec still gets its card (marked "spec failed"); the exit code says so.
report:
	rm -rf $(EVIDENCE) $(RESULTS)
	-$(DOTNET) test tests/Verify.Specs -c Release --logger "trx" --results-directory $(RESULTS)
	$(DOTNET) run --project src/Verify.Cli -c Release -- report --evidence $(EVIDENCE) --results $(RESULTS) --out reports/index.html

bench:
	$(DOTNET) run --project src/Verify.Benchmarks -c Release -- --filter '*'

clean:
	rm -rf $(EVIDENCE) $(RESULTS) reports/index.html
	$(DOTNET) clean Verify.sln

# Mutation testing of the dynamics core (Stryker.NET from the repo's tool manifest).
# Mutation testing of the dynamics core (Stryker.NET, tool manifest): one run over src/Verify.Dynamics, then the
# score per folder and in total (tests/Verify.Dynamics.Tests/MUTATION.md). Fails below the config's break threshold.
mutate:
	$(DOTNET) tool restore
	cd tests/Verify.Dynamics.Tests && $(DOTNET) tool run dotnet-stryker --config-file stryker-config.json; \
	status=$$?; cd ../.. && scripts/mutation-score.sh; exit $$status

# The report as a reader sees it: headless Chromium (installed if missing), screenshot and PDF.
check-report:
	bash scripts/check-report.sh

# Two `make report` runs must record the same evidence (timings aside); prints both wall times.
check-determinism:
	bash scripts/check-determinism.sh
