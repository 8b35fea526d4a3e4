import ExcelJS from 'exceljs';
const out = process.argv[2];
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: true, useStyles: true });
const ws = wb.addWorksheet('Data');
ws.columns = Array.from({length:12},(_,i)=>({header:'col'+i, key:'c'+i, style: i%4===1?{numFmt:'yyyy-mm-dd'}: i%4===3 ? {numFmt:'yyyy-mm-dd hh:mm'}:{}}));
const regions=['North','South','East','West','Central'];
for (let r=0;r<100000;r++){
  const row={};
  for(let c=0;c<12;c++){
    const k='c'+c;
    if(c%4===0) row[k]=r*1.5+c;
    else if(c%4===1) row[k]=new Date(Date.UTC(2020,0,1)+ (r%1000)*86400000);
    else if(c%4===2) row[k]=regions[(r+c)%5]+' '+(r%200);
    else row[k]=new Date(Date.UTC(2021,5,1,12,30)+ r*60000);
  }
  ws.addRow(row).commit();
}
ws.commit(); await wb.commit();
