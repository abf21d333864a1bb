//! Example plugin `redact`: replaces e-mail addresses with `[email]` and phone numbers with
//! `[phone]`. Three transforms: `redact` (both, the default), `emails` and `phones`.
//!
//! # Implementation notes
//!
//! * **One pass, linear time.** The scan looks only at ASCII bytes, so every cut falls between
//!   code points and the output stays UTF-8. Each '@' scans its local part to the left and its
//!   domain to the right, and both scans stop at the next '@'; a phone candidate reads at most
//!   15 digits and their separators.
//! * **Heuristics, stated.** An e-mail address is a dot-atom local part (`A-Z a-z 0-9 . _ % + -`
//!   and letters from U+00C0 to U+07FF, not starting or ending with a dot), '@', and at least
//!   two ASCII DNS labels whose last is at least two letters (internationalized domain names
//!   are not recognised). A phone number is 7 to 15 digits (E.164's maximum) in groups split by
//!   one space, hyphen or dot, with an optional area code in parentheses, and must either
//!   start with '+', or have 9 or more digits and a separator, or be a national number of 10
//!   or 11 digits starting with 0. Dotted groups must be 2 to 4 digits and not an IPv4
//!   address; that keeps dates (8 digits), versions, decimals and addresses out. Only ASCII
//!   digits count: run `fold-width` first for full-width digits.
#![cfg_attr(target_arch = "wasm32", no_std)]

use textwasm_plugin::{Buf, Failure};

textwasm_plugin::plugin! {
    metadata: br#"{"name":"redact","version":"0.1.0","abi":1,"default":"redact","description":"Replaces e-mail addresses with [email] and phone numbers with [phone]."}"#,
    transforms: {
        tw_transform_redact => redact,
        tw_transform_emails => emails,
        tw_transform_phones => phones,
    },
}

pub const EMAIL: &str = "[email]";
pub const PHONE: &str = "[phone]";

pub fn redact(text: &str, out: &mut Buf) -> Result<(), Failure> {
    scrub(text.as_bytes(), out, true, true)
}

pub fn emails(text: &str, out: &mut Buf) -> Result<(), Failure> {
    scrub(text.as_bytes(), out, true, false)
}

pub fn phones(text: &str, out: &mut Buf) -> Result<(), Failure> {
    scrub(text.as_bytes(), out, false, true)
}

fn scrub(s: &[u8], out: &mut Buf, emails: bool, phones: bool) -> Result<(), Failure> {
    // Redaction rarely grows text ("a@b.cd" is the only match shorter than its placeholder).
    out.reserve(s.len())?;
    let mut copied = 0; // s[..copied] is already in `out`
    let mut i = 0;
    while let Some(&b) = s.get(i) {
        if emails && b == b'@' {
            if let Some((start, end)) = email_around(s, copied, i) {
                out.extend(s.get(copied..start).unwrap_or(&[]))?;
                out.push_str(EMAIL)?;
                copied = end;
                i = end;
                continue;
            }
        }
        if phones && (b == b'+' || b == b'(' || b.is_ascii_digit()) && phone_may_start(s, i) {
            match phone_at(s, i) {
                Ok(end) => {
                    out.extend(s.get(copied..i).unwrap_or(&[]))?;
                    out.push_str(PHONE)?;
                    copied = end;
                    i = end;
                    continue;
                }
                Err(resume) if resume > i => {
                    i = resume;
                    continue;
                }
                Err(_) => {}
            }
        }
        i += 1;
    }
    out.extend(s.get(copied..).unwrap_or(&[]))?;
    Ok(())
}

fn is_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn is_label(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-'
}

/// The address around the '@' at `at` as [start, end), never reaching left of `floor`.
fn email_around(s: &[u8], floor: usize, at: usize) -> Option<(usize, usize)> {
    let mut start = at;
    while start > floor {
        match s.get(start - 1) {
            Some(&b) if is_local(b) => start -= 1,
            // A two-byte UTF-8 sequence from U+00C0 to U+07FF (Latin, Greek, Cyrillic, Hebrew,
            // Arabic letters), which RFC 6531 allows in a local part. Three- and four-byte
            // sequences (kana, ideographs) end it: those scripts put no space before an address.
            Some(0x80..=0xBF) if start >= floor + 2 && matches!(s.get(start - 2), Some(0xC3..=0xDF)) => start -= 2,
            _ => break,
        }
    }
    // A dot-atom does not start with a dot: leading dots stay in the text ("see ...a@b.cd").
    while start < at && s.get(start) == Some(&b'.') {
        start += 1;
    }
    if start == at || s.get(at - 1) == Some(&b'.') {
        return None;
    }
    // Labels: alphanumerics and inner hyphens, joined by single dots. A trailing dot is the
    // sentence's, not the address's.
    let mut end = at + 1;
    let mut labels = 0;
    let mut last = (end, end);
    loop {
        let from = end;
        let mut to = from;
        while s.get(to).map_or(false, |&b| is_label(b)) {
            to += 1;
        }
        let label = s.get(from..to).unwrap_or(&[]);
        if label.is_empty() || label.first() == Some(&b'-') || label.last() == Some(&b'-') {
            break;
        }
        labels += 1;
        last = (from, to);
        end = to;
        if s.get(end) == Some(&b'.') && s.get(end + 1).map_or(false, |&b| is_label(b)) {
            end += 1;
        } else {
            break;
        }
    }
    if labels > 0 && end != last.1 {
        end = last.1; // the dot after the last good label is not part of the address
    }
    let tld = s.get(last.0..last.1).unwrap_or(&[]);
    if labels >= 2 && tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic) {
        Some((start, end))
    } else {
        None
    }
}

/// Whether a phone number may start at `i`: not inside a word, number, version or address.
fn phone_may_start(s: &[u8], i: usize) -> bool {
    match i.checked_sub(1).and_then(|p| s.get(p)) {
        None => true,
        Some(&b) => !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'/' | b'+' | b'@' | b'(' | b')')),
    }
}

/// The end of the phone number starting at `i`; or, when there is none, where to look next.
fn phone_at(s: &[u8], i: usize) -> Result<usize, usize> {
    let mut j = i;
    let plus = s.get(j) == Some(&b'+');
    if plus {
        j += 1;
    }
    let mut end = None;
    let (mut digits, mut groups, mut dots, mut others, mut parens) = (0usize, 0usize, 0usize, 0usize, false);
    let (mut shortest, mut longest) = (usize::MAX, 0usize);
    let mut first_sep = None; // the separator the number started with
    let mut switch_at = None; // where a different separator first appears
    loop {
        let paren = s.get(j) == Some(&b'(');
        let d0 = if paren { j + 1 } else { j };
        let mut k = d0;
        while s.get(k).map_or(false, u8::is_ascii_digit) {
            k += 1;
        }
        let n = k - d0;
        if n == 0 || (paren && s.get(k) != Some(&b')')) {
            break;
        }
        digits += n;
        if digits > 15 {
            // Some other number (a card, an ID): skip all of it, unless the separator changed
            // on the way ("2024-01-15 555-123-4567"), where the rest may be a number of its own.
            return Err(switch_at.unwrap_or_else(|| run_end(s, k, first_sep)));
        }
        j = if paren { k + 1 } else { k };
        parens |= paren;
        groups += 1;
        shortest = shortest.min(n);
        longest = longest.max(n);
        end = Some(j);
        let next = s.get(j + 1).copied().unwrap_or(0);
        match s.get(j) {
            Some(&sep @ (b' ' | b'-')) if next.is_ascii_digit() || next == b'(' => {
                others += 1;
                note_separator(sep, j, &mut first_sep, &mut switch_at);
                j += 1;
            }
            Some(b'.') if next.is_ascii_digit() => {
                dots += 1;
                note_separator(b'.', j, &mut first_sep, &mut switch_at);
                j += 1;
            }
            Some(b'(') => {}                    // "+1(555)…"
            Some(b) if b.is_ascii_digit() => {} // "(555)123…"
            _ => break,
        }
    }
    let end = end.ok_or(i + 1)?;
    if s.get(end).map_or(false, |&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'@') {
        return Err(i + 1);
    }
    if dots > 0 && (others > 0 || groups < 3 || shortest < 2 || longest > 4 || (groups == 4 && longest <= 3)) {
        return Err(i + 1);
    }
    let separated = groups > 1 || parens;
    let national = !plus && groups == 1 && (10..=11).contains(&digits) && s.get(i) == Some(&b'0');
    if digits >= 7 && (plus || (separated && digits >= 9) || national) {
        Ok(end)
    } else {
        Err(i + 1)
    }
}

fn note_separator(sep: u8, at: usize, first: &mut Option<u8>, switch_at: &mut Option<usize>) {
    match *first {
        None => *first = Some(sep),
        Some(f) if f != sep && switch_at.is_none() => *switch_at = Some(at),
        _ => {}
    }
}

/// The end of a run of digits joined by `sep`, from `k`.
fn run_end(s: &[u8], mut k: usize, sep: Option<u8>) -> usize {
    loop {
        while s.get(k).map_or(false, u8::is_ascii_digit) {
            k += 1;
        }
        match (sep, s.get(k), s.get(k + 1)) {
            (Some(sep), Some(&c), Some(d)) if c == sep && d.is_ascii_digit() => k += 1,
            _ => return k,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(f: fn(&str, &mut Buf) -> Result<(), Failure>, text: &str) -> String {
        let mut out = Buf::new();
        f(text, &mut out).unwrap();
        String::from_utf8(out.as_bytes().to_vec()).unwrap()
    }

    fn check(given: &str, expected: &str) {
        let got = run(redact, given);
        assert_eq!(got, expected, "\ngiven:    {:?}\nexpected: {:?}\ngot:      {:?}", given, expected, got);
    }

    #[test]
    fn emails_are_replaced() {
        check("mail jane.doe+news@example.co.uk today", "mail [email] today");
        check("a@b.cd", "[email]");
        check("<x_y%z@sub-domain.example.org>", "<[email]>");
        check("two: a@example.com,b@example.com.", "two: [email],[email].");
    }

    #[test]
    fn local_parts_may_hold_letters_beyond_ascii() {
        check("écrivez à zoé@example.fr", "écrivez à [email]");
        check("zoé.martin@example.fr", "[email]");
        check("«zoé@example.fr»", "«[email]»");
        check("алиса@example.com", "[email]");
        // Kana and ideographs are written without spaces: they end the local part.
        check("メールはtaro@example.jpまで", "メールは[email]まで");
    }

    #[test]
    fn non_ascii_next_to_an_address_is_kept_whole() {
        check("連絡先:taro@example.jp。", "連絡先:[email]。");
    }

    #[test]
    fn things_that_are_not_addresses_stay() {
        for s in [
            "@handle", "user@", "user@localhost", "a@b.c", "a@-b.com", "a@b-.com", "a@b.c0m",
            "...@example.com", "a.@example.com", "x @ y.com", "price@2.50", "@@@", "",
        ] {
            check(s, s);
        }
    }

    #[test]
    fn leading_dots_and_trailing_dots_belong_to_the_text() {
        check("see ...ann@example.com.", "see ...[email].");
        check("(bob@example.com)", "([email])");
    }

    #[test]
    fn phones_are_replaced() {
        check("call +1 (555) 123-4567 now", "call [phone] now");
        check("call 555-123-4567.", "call [phone].");
        check("(555) 123-4567", "[phone]");
        check("(555)123-4567", "[phone]");
        check("+44 20 7946 0958", "[phone]");
        check("tel:+15551234567", "tel:[phone]");
        check("電話 03-1234-5678 まで", "電話 [phone] まで");
        check("携帯09012345678です", "携帯[phone]です");
        check("555.123.4567", "[phone]");
    }

    #[test]
    fn numbers_that_are_not_phones_stay() {
        for s in [
            "2024-01-15", "12.05.2023", "192.168.100.200", "3.14159265358", "v10.0.19041.1288",
            "4111 1111 1111 1111", "1700000000", "555-1234", "order 12345678", "ISSN1234-5678",
            "1234567890123456", "x+15551234567", "(555 123-4567", "a555-123-4567",
            "1111 1111 1111 1111 1111 1111", "1-2-3-4-5-6-7-8-9-0-1-2-3-4-5-6",
        ] {
            check(s, s);
        }
    }

    #[test]
    fn a_number_after_a_long_run_is_still_found() {
        check("2024-01-15 555-123-4567", "2024-01-15 [phone]");
        check("4111 1111 1111 1111, +1 555 123 4567", "4111 1111 1111 1111, [phone]");
    }

    #[test]
    fn transforms_can_be_chosen() {
        let s = "a@example.com +1 555 123 4567";
        assert_eq!(run(emails, s), "[email] +1 555 123 4567");
        assert_eq!(run(phones, s), "a@example.com [phone]");
        assert_eq!(run(redact, s), "[email] [phone]");
    }

    #[test]
    fn adversarial_inputs_stay_linear_and_intact() {
        let mut s = String::new();
        for _ in 0..20_000 {
            s.push_str("a@a@1-2-");
        }
        let got = run(redact, &s);
        assert_eq!(got, s);
        let digits = "9".repeat(100_000);
        assert_eq!(run(redact, &digits), digits);
    }
}
