"""Locale support: POSIX locale categories, locale-aware number formatting
and parsing, and locale name normalization.

The locale is process-wide state of the C library (see Modules/_localemodule.c):
setlocale() changes it for every thread at once.
"""

import sys

import _locale
from _locale import (Error, setlocale as _setlocale, localeconv as _localeconv,
                     strcoll, strxfrm, getencoding, CHAR_MAX,
                     LC_CTYPE, LC_COLLATE, LC_TIME, LC_MONETARY, LC_NUMERIC, LC_ALL,
                     LC_MESSAGES)

# The nl_langinfo() function and its item constants (CODESET, DAY_1, ...).
from _locale import *  # noqa: F401,F403

__all__ = ["getlocale", "getdefaultlocale", "getpreferredencoding", "Error",
           "setlocale", "localeconv", "strcoll", "strxfrm", "str", "atof", "atoi",
           "format_string", "currency", "normalize", "LC_CTYPE", "LC_COLLATE",
           "LC_TIME", "LC_MONETARY", "LC_NUMERIC", "LC_ALL", "CHAR_MAX",
           "getencoding", "LC_MESSAGES"]

_builtin_str = str


def localeconv():
    """Return a dict of the numeric and monetary conventions of the current locale."""
    return _localeconv()


def setlocale(category, locale=None):
    """Set the locale of category to locale (a name, or a (language, encoding)
    pair) and return the new setting; with locale None, only query it."""
    if locale and not isinstance(locale, _builtin_str):
        locale = normalize(_build_localename(locale))
    return _setlocale(category, locale)


# ---------------------------------------------------------------------------
# Number formatting

def _grouping_sizes(grouping):
    """Yield group sizes (rightmost first) from a localeconv() grouping list."""
    last = None
    for size in grouping:
        if size == CHAR_MAX:
            return
        if size == 0:
            break
        last = size
        yield size
    if last is None:
        return
    while True:
        yield last


def _group(digits_text, monetary=False):
    """Insert the locale's thousands separators into the leading integer digits
    of digits_text. Return (new_text, number_of_separators_added)."""
    conv = localeconv()
    sep = conv['mon_thousands_sep' if monetary else 'thousands_sep']
    grouping = conv['mon_grouping' if monetary else 'grouping']
    if not grouping or not sep:
        return digits_text, 0
    stripped = digits_text.rstrip()
    trailing = digits_text[len(stripped):]
    # Split off leading non-digits (spaces, sign) and the digits to group.
    start = 0
    while start < len(stripped) and not stripped[start].isdigit():
        start += 1
    end = start
    while end < len(stripped) and stripped[end].isdigit():
        end += 1
    head, digits, tail = stripped[:start], stripped[start:end], stripped[end:]
    groups = []
    sizes = _grouping_sizes(grouping)
    while digits:
        size = next(sizes, None)
        if size is None or size >= len(digits):
            groups.append(digits)
            break
        groups.append(digits[-size:])
        digits = digits[:-size]
    if not groups:
        return digits_text, 0
    result = head + sep.join(reversed(groups)) + tail + trailing
    return result, len(groups) - 1


def _strip_padding(text, amount):
    """Remove up to amount characters of space padding (leading, then trailing)."""
    lead = 0
    while amount and lead < len(text) and text[lead] == ' ':
        lead += 1
        amount -= 1
    text = text[lead:]
    trail = len(text)
    while amount and trail > 0 and text[trail - 1] == ' ':
        trail -= 1
        amount -= 1
    return text[:trail]


def _format_one(percent, value, grouping=False, monetary=False):
    """Format value with a single %-specifier, localized."""
    formatted = percent % value
    kind = percent[-1]
    if kind in 'eEfFgG':
        parts = formatted.split('.')
        seps = 0
        if grouping:
            parts[0], seps = _group(parts[0], monetary)
        point = localeconv()['mon_decimal_point' if monetary else 'decimal_point']
        formatted = point.join(parts)
        if seps:
            formatted = _strip_padding(formatted, seps)
    elif kind in 'diu':
        if grouping:
            formatted, seps = _group(formatted, monetary)
            if seps:
                formatted = _strip_padding(formatted, seps)
    return formatted


def _parse_format(f):
    """Split a %-format into literal text and specifiers.
    Return a list of (is_spec, text, mapping_key, star_count)."""
    pieces = []
    i = 0
    literal_start = 0
    n = len(f)
    while i < n:
        if f[i] != '%':
            i += 1
            continue
        if literal_start < i:
            pieces.append((False, f[literal_start:i], None, 0))
        start = i
        i += 1
        key = None
        if i < n and f[i] == '(':
            close = f.find(')', i)
            if close < 0:
                raise ValueError("incomplete format key")
            key = f[i + 1:close]
            i = close + 1
        while i < n and f[i] in '-#0123456789 +*.hlL':
            i += 1
        if i >= n:
            raise ValueError("incomplete format")
        i += 1
        spec = f[start:i]
        pieces.append((True, spec, key, spec.count('*')))
        literal_start = i
    if literal_start < n:
        pieces.append((False, f[literal_start:], None, 0))
    return pieces


def format_string(f, val, grouping=False, monetary=False):
    """Format val with the %-format f like f % val, using the locale's
    decimal point and, if grouping is true, its thousands separators."""
    pieces = _parse_format(f)
    if isinstance(val, dict) or (hasattr(val, 'keys') and not isinstance(val, tuple)):
        out = []
        for is_spec, text, key, _ in pieces:
            if not is_spec:
                out.append(text)
            elif text[-1] == '%':
                out.append('%')
            else:
                spec = text if key is None else '%' + text[len(key) + 3:]
                out.append(_format_one(spec, val[key] if key is not None else val,
                                       grouping, monetary))
        return ''.join(out)
    values = val if isinstance(val, tuple) else (val,)
    out = []
    index = 0
    for is_spec, text, key, stars in pieces:
        if not is_spec:
            out.append(text)
            continue
        if text[-1] == '%':
            out.append('%')
            continue
        args = values[index:index + stars + 1]
        index += stars + 1
        if len(args) != stars + 1:
            raise TypeError("not enough arguments for format string")
        if text[-1] in 'eEfFgGdiu':
            out.append(_format_one(text, args if stars else args[0], grouping, monetary))
        else:
            out.append(text % (args if stars else (args[0],)))
    if index < len(values):
        raise TypeError("not all arguments converted during string formatting")
    return ''.join(out)


def currency(val, symbol=True, grouping=False, international=False):
    """Format val as money in the current locale's conventions."""
    conv = localeconv()
    digits = conv['int_frac_digits' if international else 'frac_digits']
    if digits == CHAR_MAX:
        raise ValueError("Currency formatting is not possible using the 'C' locale.")
    text = format_string('%%.%if' % digits, abs(val), grouping, monetary=True)
    text = '<' + text + '>'
    negative = val < 0
    if symbol:
        sym = conv['int_curr_symbol' if international else 'currency_symbol']
        precedes = conv['n_cs_precedes' if negative else 'p_cs_precedes']
        separated = conv['n_sep_by_space' if negative else 'p_sep_by_space']
        if precedes:
            text = sym + (' ' if separated else '') + text
        else:
            # An international symbol ends with its separator: drop that.
            text = text + (' ' if separated else '') + sym.rstrip()
    position = conv['n_sign_posn' if negative else 'p_sign_posn']
    sign = conv['negative_sign' if negative else 'positive_sign']
    if position == 0:
        text = '(' + text + ')'
    elif position == 1:
        text = sign + text
    elif position == 2:
        text = text + sign
    elif position == 3:
        text = text.replace('<', sign)
    elif position == 4:
        text = text.replace('>', sign)
    else:
        text = sign + text
    return text.replace('<', '').replace('>', '')


def str(val):
    """Convert a float to a string like str(), using the locale's decimal point."""
    return _format_one("%.12g", val)


def delocalize(string):
    """Turn a locale-formatted number into a plain one (separators removed,
    the decimal point made '.')."""
    conv = localeconv()
    sep = conv['thousands_sep']
    if sep:
        string = string.replace(sep, '')
    point = conv['decimal_point']
    if point:
        string = string.replace(point, '.')
    return string


def localize(string, grouping=False, monetary=False):
    """Turn a plain number string into a locale-formatted one."""
    parts = string.split('.')
    if grouping:
        parts[0], _ = _group(parts[0], monetary)
    point = localeconv()['mon_decimal_point' if monetary else 'decimal_point']
    return point.join(parts)


def atof(string, func=float):
    """Parse a locale-formatted string as a float (or with func)."""
    return func(delocalize(string))


def atoi(string):
    """Parse a locale-formatted string as an int."""
    return int(delocalize(string))


# ---------------------------------------------------------------------------
# Locale names

# Normalized encoding names, keyed by the lower-case name without '-' or '_'.
_ENCODING_NAMES = {
    'utf8': 'UTF-8', 'utf': 'UTF-8',
    'iso88591': 'ISO8859-1', 'latin1': 'ISO8859-1', 'iso885915': 'ISO8859-15',
    'latin9': 'ISO8859-15', 'iso88592': 'ISO8859-2', 'latin2': 'ISO8859-2',
    'iso88595': 'ISO8859-5', 'iso88596': 'ISO8859-6', 'iso88597': 'ISO8859-7',
    'iso88598': 'ISO8859-8', 'iso88599': 'ISO8859-9', 'iso885911': 'ISO8859-11',
    'iso885913': 'ISO8859-13', 'iso885914': 'ISO8859-14', 'iso885916': 'ISO8859-16',
    'eucjp': 'eucJP', 'euckr': 'eucKR', 'euccn': 'eucCN', 'euctw': 'eucTW',
    'gb2312': 'gb2312', 'gbk': 'GBK', 'gb18030': 'gb18030', 'big5': 'big5',
    'koi8r': 'KOI8-R', 'koi8u': 'KOI8-U', 'cp1251': 'CP1251', 'cp1255': 'CP1255',
    'sjis': 'SJIS', 'shiftjis': 'SJIS', 'tis620': 'TIS620', 'ascii': 'ISO8859-1',
    'usascii': 'ISO8859-1', 'ansix3.41968': 'ISO8859-1',
}

# Default locale of a language or language_territory (lower-case keys).
_LOCALE_DEFAULTS = {
    'c': 'C', 'posix': 'C', 'c.utf8': 'C.UTF-8', 'c.ascii': 'C', 'c.en': 'C',
    'en': 'en_US.ISO8859-1', 'en_us': 'en_US.ISO8859-1', 'en_gb': 'en_GB.ISO8859-1',
    'en_ca': 'en_CA.ISO8859-1', 'en_au': 'en_AU.ISO8859-1', 'en_in': 'en_IN.ISO8859-1',
    'en_nz': 'en_NZ.ISO8859-1', 'en_ie': 'en_IE.ISO8859-1', 'en_za': 'en_ZA.ISO8859-1',
    'de': 'de_DE.ISO8859-1', 'de_de': 'de_DE.ISO8859-1', 'de_at': 'de_AT.ISO8859-1',
    'de_ch': 'de_CH.ISO8859-1',
    'fr': 'fr_FR.ISO8859-1', 'fr_fr': 'fr_FR.ISO8859-1', 'fr_ca': 'fr_CA.ISO8859-1',
    'fr_be': 'fr_BE.ISO8859-1', 'fr_ch': 'fr_CH.ISO8859-1',
    'es': 'es_ES.ISO8859-1', 'es_es': 'es_ES.ISO8859-1', 'es_mx': 'es_MX.ISO8859-1',
    'es_ar': 'es_AR.ISO8859-1',
    'it': 'it_IT.ISO8859-1', 'it_it': 'it_IT.ISO8859-1',
    'pt': 'pt_PT.ISO8859-1', 'pt_pt': 'pt_PT.ISO8859-1', 'pt_br': 'pt_BR.ISO8859-1',
    'nl': 'nl_NL.ISO8859-1', 'nl_nl': 'nl_NL.ISO8859-1', 'nl_be': 'nl_BE.ISO8859-1',
    'sv': 'sv_SE.ISO8859-1', 'sv_se': 'sv_SE.ISO8859-1',
    'da': 'da_DK.ISO8859-1', 'da_dk': 'da_DK.ISO8859-1',
    'nb': 'nb_NO.ISO8859-1', 'nb_no': 'nb_NO.ISO8859-1', 'no_no': 'no_NO.ISO8859-1',
    'fi': 'fi_FI.ISO8859-15', 'fi_fi': 'fi_FI.ISO8859-15',
    'id': 'id_ID.ISO8859-1', 'id_id': 'id_ID.ISO8859-1',
    'pl': 'pl_PL.ISO8859-2', 'pl_pl': 'pl_PL.ISO8859-2',
    'cs': 'cs_CZ.ISO8859-2', 'cs_cz': 'cs_CZ.ISO8859-2',
    'hu': 'hu_HU.ISO8859-2', 'hu_hu': 'hu_HU.ISO8859-2',
    'ru': 'ru_RU.UTF-8', 'ru_ru': 'ru_RU.UTF-8', 'uk': 'uk_UA.KOI8-U', 'uk_ua': 'uk_UA.KOI8-U',
    'el': 'el_GR.ISO8859-7', 'el_gr': 'el_GR.ISO8859-7',
    'tr': 'tr_TR.ISO8859-9', 'tr_tr': 'tr_TR.ISO8859-9',
    'he': 'he_IL.ISO8859-8', 'he_il': 'he_IL.ISO8859-8',
    'ar': 'ar_AA.ISO8859-6', 'ar_sa': 'ar_SA.ISO8859-6',
    'th': 'th_TH.ISO8859-11', 'th_th': 'th_TH.ISO8859-11',
    'ja': 'ja_JP.eucJP', 'ja_jp': 'ja_JP.eucJP', 'ko': 'ko_KR.eucKR', 'ko_kr': 'ko_KR.eucKR',
    'zh': 'zh_CN.eucCN', 'zh_cn': 'zh_CN.gb2312', 'zh_tw': 'zh_TW.big5',
    'ca': 'ca_ES.ISO8859-1', 'ca_es': 'ca_ES.ISO8859-1', 'sr_rs': 'sr_RS.UTF-8',
    'hi_in': 'hi_IN.ISCII-DEV', 'vi': 'vi_VN.TCVN', 'vi_vn': 'vi_VN.TCVN',
}


def normalize(localename):
    """Return a normalized locale code for localename (e.g. 'en_US' ->
    'en_US.ISO8859-1', 'de_DE.utf8' -> 'de_DE.UTF-8'); unknown names are
    returned unchanged."""
    code = localename.lower()
    if ':' in code:
        code = code.replace(':', '.')
    modifier = ''
    if '@' in code:
        code, modifier = code.split('@', 1)
    if '.' in code:
        langname, encoding = code.split('.')[:2]
    else:
        langname, encoding = code, ''
    norm_encoding = encoding.replace('-', '').replace('_', '')
    if langname in ('c', 'posix') and norm_encoding:
        key = 'c.' + norm_encoding
        if key in _LOCALE_DEFAULTS:
            return _LOCALE_DEFAULTS[key]
    default = _LOCALE_DEFAULTS.get(langname)
    if default is None:
        return localename
    if '.' in default:
        base, default_encoding = default.split('.', 1)
    else:
        base, default_encoding = default, ''
    if norm_encoding:
        final_encoding = _ENCODING_NAMES.get(norm_encoding)
        if final_encoding is None:
            final_encoding = encoding
    elif modifier == 'euro':
        final_encoding = 'ISO8859-15'
    else:
        final_encoding = default_encoding
    if modifier == 'euro' and final_encoding == 'ISO8859-15':
        modifier = ''
    result = base + ('.' + final_encoding if final_encoding else '')
    if modifier:
        result += '@' + modifier
    return result


def _parse_localename(localename):
    """Split a locale name into (language code, encoding)."""
    code = normalize(localename)
    if '@' in code:
        code, modifier = code.split('@', 1)
        if modifier == 'euro' and '.' not in code:
            return code, 'iso-8859-15'
    if '.' in code:
        return tuple(code.split('.')[:2])
    if code == 'C':
        return None, None
    if code == 'UTF-8':
        return None, 'UTF-8'
    raise ValueError('unknown locale: %s' % localename)


def _build_localename(localetuple):
    """Build a locale name from a (language code, encoding) pair."""
    try:
        language, encoding = localetuple
    except (TypeError, ValueError):
        raise TypeError('Locale must be None, a string, or an iterable of '
                        'two strings -- language code, encoding.') from None
    if language is None:
        language = 'C'
    if encoding is None:
        return language
    return language + '.' + encoding


def getlocale(category=LC_CTYPE):
    """Return the (language code, encoding) of the locale setting of category."""
    localename = _setlocale(category)
    if category == LC_ALL and ';' in localename:
        raise TypeError('category LC_ALL is not supported')
    return _parse_localename(localename)


def getdefaultlocale(envvars=('LC_ALL', 'LC_CTYPE', 'LANG', 'LANGUAGE')):
    """Deprecated: guess the default (language code, encoding) from the environment."""
    import warnings
    warnings.warn("'locale.getdefaultlocale' is deprecated and slated for removal in "
                  "Python 3.15. Use setlocale(), getencoding() and getlocale() instead.",
                  DeprecationWarning, stacklevel=2)
    import os
    for variable in envvars:
        localename = os.environ.get(variable)
        if localename:
            if variable == 'LANGUAGE':
                localename = localename.split(':')[0]
            break
    else:
        localename = 'C'
    return _parse_localename(localename)


def getpreferredencoding(do_setlocale=True):
    """Return the encoding used for text data by the user's preferences."""
    if sys.flags.utf8_mode:
        return 'utf-8'
    if not do_setlocale:
        return getencoding()
    previous = _setlocale(LC_CTYPE)
    try:
        try:
            _setlocale(LC_CTYPE, "")
        except Error:
            pass
        return getencoding()
    finally:
        _setlocale(LC_CTYPE, previous)
