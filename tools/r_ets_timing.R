#!/usr/bin/env Rscript
# Times R's automatic ets() (forecast package) on the carparts series, as `restock-bench ets-speed` does in Java.
# Protocol of ../shared/data/carparts/R_BASELINE.md: the 2,509 complete series, first 45 months, h = 6.
# Usage: Rscript tools/r_ets_timing.R [carparts_wide.csv] [cores] [out.csv]
# Prints one line "r_ets_seconds=<elapsed> series=<n> cores=<c>" and writes every forecast to out.csv.
suppressMessages(library(forecast)); suppressMessages(library(parallel))
a <- commandArgs(TRUE)
wide  <- if (length(a) >= 1) a[1] else "../shared/data/carparts/carparts_wide.csv"
cores <- if (length(a) >= 2) as.integer(a[2]) else 2L
outp  <- if (length(a) >= 3) a[3] else "r_ets_forecasts.csv"
d <- read.csv(wide, check.names = FALSE, stringsAsFactors = FALSE)
X <- as.matrix(d[, -1]); X <- X[, apply(X, 2, function(x) all(!is.na(x)))]
ids <- colnames(X)
t0 <- proc.time()[["elapsed"]]
fc <- mclapply(ids, function(id) {
  y <- ts(X[1:45, id], start = c(1998, 1), frequency = 12)
  f <- forecast(ets(y), h = 6)
  data.frame(series_id = id, model = f$method, h = 1:6, mean = as.numeric(f$mean),
             lo95 = as.numeric(f$lower[, 2]), hi95 = as.numeric(f$upper[, 2]))
}, mc.cores = cores)
elapsed <- proc.time()[["elapsed"]] - t0
write.csv(do.call(rbind, fc), outp, row.names = FALSE)
cat(sprintf("r_ets_seconds=%.1f series=%d cores=%d\n", elapsed, length(ids), cores))
