# Oracle for src/estimate/ri_lottery.ts: randomisation inference as ri2::conduct_ri does it, from an exported
# permutation matrix. Inputs (written by test/estimate/ri_oracle.test.ts with RI_ORACLE_EXPORT set):
#   ri_households.csv   household (renumbered), wave, stratum, block (wave x stratum), z (the observed assignment)
#   ri_permutations.csv household x S: the lottery's first S re-draws (effekt's lotteryRedraws, seed in `seed` below)
#   ri_persons.csv      outcome, y, household, block, cluster (= household)
# For each outcome: estimatr::difference_in_means(y ~ z, blocks = block, clusters = cluster) under the observed
# and every re-drawn assignment, and ri2's two-tailed p-value: conduct_ri rounds est_sim and est_obs to 10
# decimals ("numerical instability"), summary.ri takes mean(abs(est_sim) >= abs(est_obs)) (Coppock, ri2 0.4).
# ri2 itself is not needed (nor installed): with a declared permutation matrix conduct_ri only refits the
# formula per column. Output, full precision (sprintf("%.17g")): test/oracle/fixtures/ri.json. Run from the
# repo root:
#   Rscript test/oracle/ri.R
suppressPackageStartupMessages({ library(estimatr) })
dir <- "test/oracle/fixtures"
seed <- "relationel-velfaerd-plan-v1"
outcomes <- c("employment", "wellbeing")

households <- read.csv(file.path(dir, "ri_households.csv"), stringsAsFactors = FALSE, encoding = "UTF-8")
perm <- as.matrix(read.csv(file.path(dir, "ri_permutations.csv"), stringsAsFactors = FALSE, row.names = 1))
persons <- read.csv(file.path(dir, "ri_persons.csv"), stringsAsFactors = FALSE)
stopifnot(identical(rownames(perm), households$household), all(perm %in% c(0, 1)))
S <- ncol(perm)

dim_estimate <- function(d, z) {
  d$z <- z
  coef(difference_in_means(y ~ z, data = d, blocks = block, clusters = cluster))[["z"]]
}

num <- function(x) sprintf("%.17g", x)
vec <- function(x) paste0("[", paste(vapply(x, num, ""), collapse = ", "), "]")

results <- lapply(outcomes, function(outcome) {
  d <- persons[persons$outcome == outcome, c("y", "household", "block", "cluster")]
  row <- match(d$household, households$household)
  stopifnot(!anyNA(row))
  est_obs <- dim_estimate(d, households$z[row])
  est_sim <- vapply(seq_len(S), function(s) dim_estimate(d, perm[row, s]), 0)
  stopifnot(all(is.finite(est_sim)))
  extreme <- abs(round(est_sim, 10)) >= abs(round(est_obs, 10))
  p_unrounded <- mean(abs(est_sim) >= abs(est_obs))
  cat(sprintf("%s: n = %d, estimate %.6f, p = %.3f (%d of %d re-draws at least as extreme)\n",
              outcome, nrow(d), est_obs, mean(extreme), sum(extreme), S))
  paste0(
    "    {\n",
    '      "outcome": "', outcome, '",\n',
    '      "n": ', nrow(d), ",\n",
    '      "estimate_obs": ', num(est_obs), ",\n",
    '      "estimates": ', vec(est_sim), ",\n",
    '      "extreme": ', sum(extreme), ",\n",
    '      "p_value": ', num(mean(extreme)), ",\n",
    '      "p_value_unrounded": ', num(p_unrounded), "\n",
    "    }")
})

json <- paste0(
  "{\n",
  '  "source": "test/oracle/ri.R: estimatr ', as.character(packageVersion("estimatr")),
  ' difference_in_means(y ~ z, blocks = block, clusters = cluster) per re-draw; ri2 two-tailed p",\n',
  '  "seed": "', seed, '",\n',
  '  "permutations": ', S, ",\n",
  '  "outcomes": [\n', paste(unlist(results), collapse = ",\n"), "\n  ]\n",
  "}")
writeLines(json, file.path(dir, "ri.json"))
