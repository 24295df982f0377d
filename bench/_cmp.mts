import sharp from 'sharp';
const pairs = [['c_dp_image-1.png','c_lo_image-1.png'],['c_dp_columns-1.png','c_lo_columns-1.png'],['c_dp_columns-2.png','c_lo_columns-2.png'],['c_dp_tables-1.png','c_lo_tables-1.png']];
const tiles = [];
let x = 0;
for (const [a,b] of pairs) { tiles.push({input:'/tmp/h13/'+a,left:x,top:0},{input:'/tmp/h13/'+b,left:x,top:360}); x += 255; }
await sharp({create:{width:x,height:720,channels:3,background:'#888'}}).composite(tiles).png().toFile('/tmp/h13/cmp2.png');
