"""HTML character entity references.

Braid note: name2codepoint / codepoint2name / entitydefs hold the complete HTML 4.01 entity
set.  The html5 mapping holds every HTML 4 entity (with and without the trailing semicolon
where HTML5 allows the legacy form) plus about 250 common HTML5-only names (506 keys in
all); the rest of the HTML5 table (about 1700 of its 2231 keys, rarely used names such as
'bernou;' or 'nsubE;') is not included yet.
"""

__all__ = ['html5', 'name2codepoint', 'codepoint2name', 'entitydefs']

_LATIN1 = (
    'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr '
    'deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 '
    'frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc '
    'Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash '
    'Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring '
    'aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve '
    'oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
).split()

_GREEK_UPPER = ('Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi '
                'Omicron Pi Rho').split()
_GREEK_UPPER2 = 'Sigma Tau Upsilon Phi Chi Psi Omega'.split()
_GREEK_LOWER = ('alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi '
                'omicron pi rho sigmaf sigma tau upsilon phi chi psi omega').split()

_OTHER = '''
quot 34 amp 38 lt 60 gt 62 OElig 338 oelig 339 Scaron 352 scaron 353 Yuml 376 fnof 402
circ 710 tilde 732 thetasym 977 upsih 978 piv 982 ensp 8194 emsp 8195 thinsp 8201
zwnj 8204 zwj 8205 lrm 8206 rlm 8207 ndash 8211 mdash 8212 lsquo 8216 rsquo 8217
sbquo 8218 ldquo 8220 rdquo 8221 bdquo 8222 dagger 8224 Dagger 8225 bull 8226
hellip 8230 permil 8240 prime 8242 Prime 8243 lsaquo 8249 rsaquo 8250 oline 8254
frasl 8260 euro 8364 image 8465 weierp 8472 real 8476 trade 8482 alefsym 8501
larr 8592 uarr 8593 rarr 8594 darr 8595 harr 8596 crarr 8629 lArr 8656 uArr 8657
rArr 8658 dArr 8659 hArr 8660 forall 8704 part 8706 exist 8707 empty 8709 nabla 8711
isin 8712 notin 8713 ni 8715 prod 8719 sum 8721 minus 8722 lowast 8727 radic 8730
prop 8733 infin 8734 ang 8736 and 8743 or 8744 cap 8745 cup 8746 int 8747 there4 8756
sim 8764 cong 8773 asymp 8776 ne 8800 equiv 8801 le 8804 ge 8805 sub 8834 sup 8835
nsub 8836 sube 8838 supe 8839 oplus 8853 otimes 8855 perp 8869 sdot 8901 lceil 8968
rceil 8969 lfloor 8970 rfloor 8971 lang 9001 rang 9002 loz 9674 spades 9824
clubs 9827 hearts 9829 diams 9830
'''.split()

name2codepoint = {}


def _build_html4():
    for i, name in enumerate(_LATIN1):
        name2codepoint[name] = 160 + i
    for i, name in enumerate(_GREEK_UPPER):
        name2codepoint[name] = 913 + i
    for i, name in enumerate(_GREEK_UPPER2):
        name2codepoint[name] = 931 + i
    for i, name in enumerate(_GREEK_LOWER):
        name2codepoint[name] = 945 + i
    for i in range(0, len(_OTHER), 2):
        name2codepoint[_OTHER[i]] = int(_OTHER[i + 1])


_build_html4()

codepoint2name = {cp: name for name, cp in name2codepoint.items()}
entitydefs = {name: chr(cp) for name, cp in name2codepoint.items()}

# Common HTML5-only names (name without ';' -> code points).
_HTML5_EXTRA = '''
Tab 9 NewLine 10 excl 33 num 35 dollar 36 percnt 37 apos 39 lpar 40 rpar 41 ast 42
midast 42 plus 43 comma 44 period 46 sol 47 colon 58 semi 59 equals 61 quest 63
commat 64 lsqb 91 lbrack 91 bsol 92 rsqb 93 rbrack 93 Hat 94 lowbar 95 UnderBar 95
grave 96 DiacriticalGrave 96 lcub 123 lbrace 123 verbar 124 vert 124 VerticalLine 124
rcub 125 rbrace 125 NonBreakingSpace 160 half 189 centerdot 183 CenterDot 183
hyphen 8208 dash 8208 horbar 8213 Vert 8214 Verbar 8214 lsquor 8218 rsquor 8217
rdquor 8221 ldquor 8222 nldr 8229 mldr 8230 TRADE 8482 check 10003 checkmark 10003
cross 10007 star 9734 starf 9733 bigstar 9733 phone 9742 female 9792 male 9794
spadesuit 9824 clubsuit 9827 heartsuit 9829 diamondsuit 9830 sung 9834 flat 9837
natural 9838 sharp 9839 rightarrow 8594 leftarrow 8592 uparrow 8593 downarrow 8595
RightArrow 8594 LeftArrow 8592 UpArrow 8593 DownArrow 8595 leftrightarrow 8596
Rightarrow 8658 Leftarrow 8656 Leftrightarrow 8660 NotEqual 8800
leq 8804 geq 8805 Sum 8721 Product 8719 emptyset 8709 varnothing 8709 in 8712
isinv 8712 notinva 8713 setminus 8726 times 215 div 247 pm 177 PlusMinus 177
deg 176 copysr 8471 incare 8453 numero 8470 ohm 937 mho 8487 angst 197 bullet 8226
ZeroWidthSpace 8203 NoBreak 8288 InvisibleTimes 8290 it 8290 ic 8291 af 8289
lang 10216 rang 10217 langle 10216 rangle 10217 LeftAngleBracket 10216
RightAngleBracket 10217 Dot 168 die 168 DoubleDot 168 uml 168 strns 175 OverBar 8254
nbsp 160 Cedilla 184 Agrave 192 euro 8364 Amacr 256 amacr 257 Ccaron 268 ccaron 269
Zcaron 381 zcaron 382 Ecaron 282 ecaron 283 Rcaron 344 rcaron 345 Scaron 352
imath 305 inodot 305 jmath 567 epsi 949 epsiv 1013 varepsilon 1013 phiv 981
varphi 981 straightphi 981 sigmav 962 varsigma 962 thetav 977 vartheta 977
'''.split()

# Names for which HTML5 also accepts the legacy form without the trailing semicolon.
_LEGACY = set(_LATIN1) | {'amp', 'lt', 'gt', 'quot', 'AMP', 'LT', 'GT', 'QUOT',
                          'COPY', 'REG'}

html5 = {}


def _build_html5():
    for name, cp in name2codepoint.items():
        html5[name + ';'] = chr(cp)
    for name in ('AMP', 'LT', 'GT', 'QUOT', 'COPY', 'REG'):
        html5[name + ';'] = chr(name2codepoint[name.lower()])
    for i in range(0, len(_HTML5_EXTRA), 2):
        html5[_HTML5_EXTRA[i] + ';'] = chr(int(_HTML5_EXTRA[i + 1]))
    for name in _LEGACY:
        html5[name] = html5[name + ';']


_build_html5()
del _build_html4, _build_html5
