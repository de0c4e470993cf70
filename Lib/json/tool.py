"""Command-line JSON validator and pretty-printer: python -m json.tool [options] [infile]
[outfile].

The input (a file, or standard input) is parsed; each document is written back formatted
(4-space indentation by default), or the parse error is reported with exit status 1."""

import argparse
import json
import sys


def _parser():
    parser = argparse.ArgumentParser(
        prog='python -m json.tool',
        description='Validate JSON text and write it back formatted.')
    parser.add_argument('infile', nargs='?', default=None,
                        help='the JSON file to read (default: standard input)')
    parser.add_argument('outfile', nargs='?', default=None,
                        help='the file to write (default: standard output)')
    parser.add_argument('--sort-keys', action='store_true', default=False,
                        help='write the members of objects sorted by key')
    parser.add_argument('--no-ensure-ascii', dest='ensure_ascii', action='store_false',
                        help='write non-ASCII characters as they are instead of escaping them')
    parser.add_argument('--json-lines', action='store_true', default=False,
                        help='read one JSON document per line (JSON Lines); combine with '
                             '--no-indent or --compact to write JSON Lines too')
    group = parser.add_mutually_exclusive_group()
    group.add_argument('--indent', default=4, type=int,
                       help='indent nested items by this many spaces (default: 4)')
    group.add_argument('--tab', action='store_const', dest='indent', const='\t',
                       help='indent nested items with tabs')
    group.add_argument('--no-indent', action='store_const', dest='indent', const=None,
                       help='write everything on one line, with spaces after separators')
    group.add_argument('--compact', action='store_true',
                       help='write everything on one line without any spaces')
    return parser


def main():
    """Run the command line in sys.argv[1:]."""
    options = _parser().parse_args()
    dump_args = {
        'sort_keys': options.sort_keys,
        'indent': options.indent,
        'ensure_ascii': options.ensure_ascii,
    }
    if options.compact:
        dump_args['indent'] = None
        dump_args['separators'] = (',', ':')

    if options.infile is None:
        infile = sys.stdin
    else:
        infile = open(options.infile, encoding='utf-8')
    outfile = None
    try:
        if options.json_lines:
            # Documents are parsed and written one by one: the ones before a bad line are
            # written before the error is reported.
            documents = (json.loads(line) for line in infile)
        else:
            documents = (json.load(infile),)
        if options.outfile is None:
            outfile = sys.stdout
        else:
            outfile = open(options.outfile, 'w', encoding='utf-8')
        for document in documents:
            json.dump(document, outfile, **dump_args)
            outfile.write('\n')
    except ValueError as err:
        raise SystemExit(err)
    finally:
        if infile is not sys.stdin:
            infile.close()
        if outfile is not None:
            # Like CPython's tool, the output stream is closed, standard output included.
            outfile.close()


if __name__ == '__main__':
    try:
        main()
    except BrokenPipeError as exc:
        sys.exit(exc.errno)
