# The two commands README.md needs. Both provision Node 24 and dependencies when missing.
.PHONY: start test bench

start:
	@bash scripts/start.sh

test:
	@bash scripts/test.sh

bench:
	@bash scripts/bench.sh $(ONLY)
