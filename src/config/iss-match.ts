/**
 * `issMatch` is either an exact issuer URL or a regular expression written as `/source/` (anchor it yourself).
 * A launch whose `iss` matches no configured issuer is refused, so tokens only go to known servers.
 */

function asRegExp(issMatch: string): RegExp | undefined {
  if (issMatch.length > 2 && issMatch.startsWith('/') && issMatch.endsWith('/')) {
    return new RegExp(issMatch.slice(1, -1));
  }
  return undefined;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Why an `issMatch` value is unusable, or undefined when it is fine. */
export function issMatchProblem(issMatch: string): string | undefined {
  try {
    const pattern = asRegExp(issMatch);
    if (pattern) {
      return pattern.source.startsWith('^') && pattern.source.endsWith('$')
        ? undefined
        : 'a regular expression must be anchored with ^ and $';
    }
  } catch {
    return 'not a valid regular expression';
  }
  return /^https?:\/\/\S+$/.test(issMatch) ? undefined : 'must be an http(s) URL or a /regular expression/';
}

/** Whether `iss` is accepted by `issMatch` (trailing slashes are ignored for exact URLs). */
export function issMatches(issMatch: string, iss: string): boolean {
  if (issMatchProblem(issMatch)) {
    return false;
  }
  const pattern = asRegExp(issMatch);
  if (pattern) {
    return pattern.test(iss);
  }
  return trimSlash(issMatch) === trimSlash(iss);
}
