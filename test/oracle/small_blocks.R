# Oracle for the small-block rule of src/estimate/difference_in_means.ts and for src/estimate/block_arms.ts.
# A block with a single treated or control household cannot estimate its own variance; effekt then uses the
# matched-pairs variance over blocks, as estimatr does when blocks of two are mixed with larger ones:
#   d = sum_b (N_b / N) d_b,  se = sqrt(B / ((B - 1) N^2) sum_b (N_b d_b - N d / B)^2),  df = B - 1.
# Recomputed here from the block means (no estimatr), and checked against estimatr where estimatr applies the
# same rule (small blocks that are pairs of households). A block lacking an arm is dropped before estimation;
# the fixture also has estimatr on the data without it. Written with full precision to
# test/oracle/fixtures/small_blocks.json. Run from the repo root:
#   Rscript test/oracle/small_blocks.R
suppressPackageStartupMessages({ library(estimatr) })
source_lines <- readLines("test/oracle/estimatr.R")
eval(parse(text = source_lines[seq_len(grep("^## 1\\.", source_lines)[1] - 1)]))

set.seed(20264)
# households: block 1 (12 households, 5 treated), block 2 (1 treated of 7), block 3 (9, 4 treated),
# block 4 (a pair: 1 and 1), block 5 (4 households, all control: dropped)
hh <- data.frame(block = rep(1:5, c(12, 7, 9, 2, 4)))
hh$z <- c(sample(rep(c(1, 0), c(5, 7))), sample(rep(c(1, 0), c(1, 6))), sample(rep(c(1, 0), c(4, 5))), c(0, 1), rep(0, 4))
J <- nrow(hh)
hh$hh <- 1:J
size <- sample(1:4, J, replace = TRUE)
d <- hh[rep(1:J, size), ]
rownames(d) <- NULL
d$y <- 0.3 * d$block + 0.5 * d$z + rep(rnorm(J, sd = 0.5), size) + rnorm(nrow(d))

pairs_se <- function(d) {
  bl <- sort(unique(d$block))
  Nb <- sapply(bl, function(b) sum(d$block == b))
  db <- sapply(bl, function(b) { x <- d[d$block == b, ]; mean(x$y[x$z == 1]) - mean(x$y[x$z == 0]) })
  N <- sum(Nb); B <- length(bl)
  est <- sum(Nb / N * db)
  list(estimate = est, std_error = sqrt(B / ((B - 1) * N^2) * sum((Nb * db - N * est / B)^2)), df = B - 1)
}
kept <- d[d$block != 5, ]
# the same rule in estimatr: replace block 2 by a pair of households (its first treated and first control)
pairs_only <- kept[kept$block != 2 | kept$hh %in% c(min(kept$hh[kept$block == 2 & kept$z == 1]), min(kept$hh[kept$block == 2 & kept$z == 0])), ]
suppressWarnings(est_pairs <- difference_in_means(y ~ z, blocks = block, clusters = hh, data = pairs_only))
write_fixture("small_blocks", list(
  data = dataset(d),
  kept = pairs_se(kept),
  pairs_only = dataset(pairs_only),
  estimatr_pairs = res(est_pairs),
  recomputed_pairs = pairs_se(pairs_only),
  # the large blocks alone: the ordinary blocked CR2 estimate
  large = res(difference_in_means(y ~ z, blocks = block, clusters = hh, data = d[d$block %in% c(1, 3), ]))
))
cat("small_blocks fixture written\n")
