'use strict';
// Reads an ESC/POS job with npos (https://www.npmjs.com/package/npos), an independent parser,
// and prints what a printer would put on paper, one thing a line:
//   line|<width>x<height>|<bold|normal>|<left|center|right>|<text>
//   qr|<model>|<module size>|<L|M|Q|H>|<content>
//   feed|<lines>
//   cut|<partial|full>
//   status|<n>                  (a DLE EOT query inside the job: there should be none)
//   unknown|<command>           (parsed by npos, not read here)
// npos splits the bytes into commands by its own table; text is decoded with iconv-lite as
// GB18030 (npos's own default for text, a superset of GBK). npos's table lacks GS ( k (its GS ( entries
// are the upper-case ones), so one rule is added: GS ( k pL pH <pL + 256 pH bytes>, as for GS ( K.
// Usage: node parse.js <file>; exit 2 when npos cannot parse the bytes.
const fs = require('fs');
const npos = require('npos');
const iconv = require('iconv-lite');

const rules = JSON.parse(JSON.stringify(require('npos/lib/parser/rules')));
rules[0x1d]['(k'] = [0, 'd16'];

const raw = fs.readFileSync(process.argv[2]);
const ast = npos.parser(rules).analyze(raw);
if (ast.error) {
  console.error(ast.error.message);
  process.exit(2);
}

const out = [];
let width = 1, height = 1, bold = false, align = 'left', chinese = false;
let text = [], style = null;
let qr = {model: 2, size: 3, level: 'L', data: null};

function endLine(force) {
  if (text.length === 0 && !force) return;
  const s = style || {width, height, bold, align};
  const bytes = Buffer.from(text);
  const decoded = chinese ? iconv.decode(bytes, 'GB18030') : bytes.toString('latin1');
  out.push(['line', s.width + 'x' + s.height, s.bold ? 'bold' : 'normal', s.align, decoded].join('|'));
  text = [];
  style = null;
}

for (const node of ast.tree) {
  const fn = node.fn || '';
  const params = raw.slice(node.offset + 1 + fn.length, node.offset + node.length);
  const name = node.ascii + (fn ? ' ' + fn : '');
  switch (name) {
    case 'STX':
      for (const b of raw.slice(node.offset, node.offset + node.length)) {
        if (b === 0x0a) {
          endLine(true);
        } else if (b !== 0x0d) {
          if (text.length === 0) style = {width, height, bold, align};
          text.push(b);
        }
      }
      break;
    case 'ESC @':
      endLine(false);
      width = height = 1; bold = false; align = 'left'; chinese = false;
      break;
    case 'ESC E': bold = (params[0] & 1) === 1; break;
    case 'ESC a': align = ['left', 'center', 'right'][params[0] % 48] || 'left'; break;
    case 'ESC d': endLine(false); out.push('feed|' + params[0]); break;
    case 'GS !': width = (params[0] >> 4) + 1; height = (params[0] & 0x0f) + 1; break;
    case 'FS &': chinese = true; break;
    case 'FS .': chinese = false; break;
    case 'GS V': endLine(false); out.push('cut|' + ([1, 49, 66].includes(params[0]) ? 'partial' : 'full')); break;
    case 'DLE ' + String.fromCharCode(4): out.push('status|' + params[0]); break;
    case 'GS (k': {
      const len = params.readUInt16LE(0);
      const cn = params[2], f = params[3], p = params.slice(4, 2 + len);
      if (cn !== 49) { out.push('unknown|' + name + ' cn ' + cn); break; }
      if (f === 65) qr.model = p[0] - 48;
      else if (f === 67) qr.size = p[0];
      else if (f === 69) qr.level = 'LMQH'[p[0] - 48];
      else if (f === 80) qr.data = p.slice(1);
      else if (f === 81) { endLine(false); out.push(['qr', qr.model, qr.size, qr.level, qr.data.toString('utf8')].join('|')); }
      else out.push('unknown|' + name + ' fn ' + f);
      break;
    }
    default:
      out.push('unknown|' + name);
  }
}
endLine(false);
process.stdout.write(out.join('\n') + '\n');
