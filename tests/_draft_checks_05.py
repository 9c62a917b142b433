# DRAFT (phase 1) of notebook 05's rows for tests/test_checks.py: moved there in phase 2, then deleted.

# =====================================================================================================================
# Notebook 05, section 5: my_standardize(X_train, X_test) -> both scaled by the training set's x̄ⱼ and sⱼ
# =====================================================================================================================

def standardize_solution(X_train, X_test):
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    return (X_train - mean) / std, (X_test - mean) / std


def standardize_loop_over_features(X_train, X_test):
    A, B = np.array(X_train, dtype=float), np.array(X_test, dtype=float)  # copies
    for j in range(A.shape[1]):
        mean = sum(A[:, j]) / len(A)
        std = (sum((A[:, j] - mean) ** 2) / len(A)) ** 0.5
        A[:, j] = (A[:, j] - mean) / std
        B[:, j] = (B[:, j] - mean) / std
    return A, B


def standardize_by_hand(X_train, X_test):
    m = X_train.shape[0]
    mean = X_train.sum(axis=0) / m
    std = np.sqrt(((X_train - mean) ** 2).sum(axis=0) / m)
    return (X_train - mean) / std, (X_test - mean) / std


def standardize_keepdims(X_train, X_test):
    mean = np.mean(X_train, axis=0, keepdims=True)   # (1, n)
    std = np.std(X_train, axis=0, keepdims=True)
    return (X_train - mean) / std, (X_test - mean) / std


def standardize_sample_std(X_train, X_test):  # ddof=1: accepted, with a note
    mean, std = X_train.mean(axis=0), X_train.std(axis=0, ddof=1)
    return (X_train - mean) / std, (X_test - mean) / std


def standardize_list(X_train, X_test):
    mean, std = np.mean(X_train, axis=0), np.std(X_train, axis=0)
    return [((X_train - mean) / std).tolist(), ((X_test - mean) / std).tolist()]


def standardize_float32(X_train, X_test):
    X_train, X_test = X_train.astype(np.float32), X_test.astype(np.float32)
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    return (X_train - mean) / std, (X_test - mean) / std


def standardize_each_by_its_own(X_train, X_test):
    def scale(X):
        return (X - X.mean(axis=0)) / X.std(axis=0)
    return scale(X_train), scale(X_test)


def standardize_rows(X_train, X_test):
    def scale(X):
        return (X - X.mean(axis=1, keepdims=True)) / X.std(axis=1, keepdims=True)
    return scale(X_train), scale(X_test)


def standardize_everything(X_train, X_test):
    return (X_train - X_train.mean()) / X_train.std(), (X_test - X_train.mean()) / X_train.std()


def standardize_variance(X_train, X_test):
    mean, var = X_train.mean(axis=0), X_train.var(axis=0)
    return (X_train - mean) / var, (X_test - mean) / var


def standardize_centre_only(X_train, X_test):
    mean = X_train.mean(axis=0)
    return X_train - mean, X_test - mean


def standardize_divide_only(X_train, X_test):
    std = X_train.std(axis=0)
    return X_train / std, X_test / std


def standardize_brackets(X_train, X_test):
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    return X_train - mean / std, X_test - mean / std


def standardize_min_max(X_train, X_test):
    low, high = X_train.min(axis=0), X_train.max(axis=0)
    return (X_train - low) / (high - low), (X_test - low) / (high - low)


def standardize_all_points(X_train, X_test):
    both = np.concatenate([X_train, X_test])
    mean, std = both.mean(axis=0), both.std(axis=0)
    return (X_train - mean) / std, (X_test - mean) / std


def standardize_test_untouched(X_train, X_test):
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    return (X_train - mean) / std, X_test


def standardize_in_place(X_train, X_test):
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    X_train -= mean  # writes into the caller's X_train (and fails for integers)
    X_train /= std
    X_test -= mean
    X_test /= std
    return X_train, X_test


def standardize_sum_of_squares(X_train, X_test):
    mean = X_train.mean(axis=0)
    std = np.sqrt(np.sum((X_train - mean) ** 2, axis=0))  # forgot the 1/m
    return (X_train - mean) / std, (X_test - mean) / std


def standardize_fitted_mean_own_std(X_train, X_test):
    mean = X_train.mean(axis=0)
    return (X_train - mean) / X_train.std(axis=0), (X_test - mean) / X_test.std(axis=0)


STANDARDIZE = [
    (standardize_solution, PASS),
    (standardize_loop_over_features, PASS),
    (standardize_by_hand, PASS),
    (standardize_keepdims, PASS),
    (standardize_list, PASS),
    (lambda A, B: tuple((X - np.average(A, axis=0)) / np.sqrt(np.var(A, axis=0)) for X in (A, B)), PASS),
    (lambda A, B: (mh.standardize(A, B)[0], mh.standardize(A, B)[1]), PASS),  # the helper's own, with a note
    (standardize_sample_std, PASS),  # sⱼ with m − 1: accepted, with a note (test below)
    (standardize_float32, "float32"),
    (standardize_each_by_its_own, "X_test is scaled by its own mean and standard deviation"),
    (standardize_fitted_mean_own_std, "X_test is divided by its own standard deviation"),
    (standardize_rows, "along each row"),
    (standardize_everything, "one mean and one standard deviation for all features together"),
    (standardize_variance, "divides by the variance"),
    (standardize_centre_only, "only subtracts the mean"),
    (standardize_divide_only, "does not subtract the mean"),
    (standardize_brackets, "the brackets"),
    (standardize_min_max, "min-max scaling"),
    (standardize_all_points, "training and held-out points together"),
    (standardize_test_untouched, "X_test came back unscaled"),
    (standardize_sum_of_squares, "missing its 1/m"),
    (standardize_in_place, "changed its input X_train in place"),
    (lambda A, B: standardize_solution(A, B)[0], "return the pair"),
    (lambda A, B: standardize_solution(A, B)[::-1], "came back as (X_test, X_train)"),
    (lambda A, B: tuple(X.T for X in standardize_solution(A, B)), "it is transposed"),
    (lambda A, B: print(standardize_solution(A, B)), "use return, not print"),
]


# =====================================================================================================================
# Notebook 05, section 7: my_original_units(W, b, mean, std) -> (W, b) for the features in their own units
# =====================================================================================================================

def units_solution(W, b, mean, std):
    W_original = W / std
    return W_original, b - W_original @ mean


def units_sum(W, b, mean, std):
    return W / std, b - np.sum(W * mean / std)


def units_loop(W, b, mean, std):
    W_new, b_new = [], float(b)
    for w, x_bar, s in zip(W, mean, std):
        W_new.append(w / s)
        b_new -= w * x_bar / s
    return np.array(W_new), b_new


def units_dot(W, b, mean, std):
    return np.divide(W, std), float(b - np.dot(W, mean / std))


def units_float32(W, b, mean, std):
    W, mean, std = (np.asarray(v, dtype=np.float32) for v in (W, mean, std))
    W_original = W / std
    return W_original, np.float32(b) - np.sum(W_original * mean)


def units_times_std(W, b, mean, std):
    return W * std, b - np.sum(W * std * mean)


UNITS = [
    (units_solution, PASS),
    (units_sum, PASS),
    (units_loop, PASS),
    (units_dot, PASS),
    (lambda W, b, mean, std: [list(W / std), b - (W / std).dot(mean)], PASS),  # a list
    (lambda W, b, mean, std: mh.to_original_units(W, b, mean, std), PASS),  # the helper's own, with a note
    (units_float32, "float32"),
    (units_times_std, "it multiplies by sⱼ"),
    (lambda W, b, mean, std: (W, b - np.sum(W * mean / std)), "W came back unchanged"),
    (lambda W, b, mean, std: (W / std ** 2, b - np.sum(W * mean / std)), "divides by the variance"),
    (lambda W, b, mean, std: ((W - mean) / std, b - np.sum(W * mean / std)), "the weights do not subtract the means"),
    (lambda W, b, mean, std: (W / std, b), "b came back unchanged"),
    (lambda W, b, mean, std: (W / std, b + np.sum(W * mean / std)), "the sign of the shift"),
    (lambda W, b, mean, std: (W / std, b - np.sum(W * mean)), "forgets to divide by sⱼ"),
    (lambda W, b, mean, std: (W / std, b - np.sum(W / std * mean / std)), "divides by sⱼ twice"),
    (lambda W, b, mean, std: (W / std, b - np.mean(W * mean / std)), "a sum over the features, not a mean"),
    (lambda W, b, mean, std: (W / std, -np.sum(W * mean / std)), "b̃ is missing"),
    (lambda W, b, mean, std: (W / std, b - W * mean / std), "b is one number"),
    (lambda W, b, mean, std: (W / std, np.array([b - np.sum(W * mean / std)])), "b is a plain number"),
    (lambda W, b, mean, std: units_solution(W, b, mean, std)[::-1], "came back as (b, W)"),
    (lambda W, b, mean, std: W / std, "return the pair"),
    (lambda W, b, mean, std: (*units_solution(W, b, mean, std), mean), "returned 3 items"),
]
