/**
 * Text that reads like the 创建 reports clerks file (工作总结, 实施方案, 会议纪要, 活动简报), written
 * for the search bench: sentence patterns with slots for units, activities, people, places,
 * numbers and dates, so that 3,000 characters of it carry about as many different two-character
 * words as a real report does. Seeded, so every run searches the same archive.
 */

export type Random = () => number;

/** A small, fast, seeded generator (mulberry32). */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)];

const units = [
  '党政办公室', '组织人事科', '宣传统战部', '工会', '团委', '妇委会', '纪检监察室', '办公室', '综合科', '财务科',
  '安全保卫科', '后勤服务中心', '教务处', '学生处', '德育处', '总务处', '医务科', '护理部', '门诊部', '住院部',
  '社区居委会', '街道办事处', '城管执法中队', '卫生健康局', '教育局', '文化旅游局', '市场监管所', '交通运输局',
  '生态环境分局', '民政局', '志愿服务队', '新时代文明实践站', '党支部', '第一党支部', '第二党支部', '机关党委',
];
const activities = [
  '学雷锋志愿服务', '无偿献血', '文明交通劝导', '垃圾分类宣传', '扶贫济困一日捐', '道德讲堂', '读书分享会',
  '文明餐桌行动', '爱国卫生运动', '清洁家园大扫除', '关爱留守儿童', '慰问困难职工', '廉政警示教育', '应急疏散演练',
  '消防安全培训', '法治宣传进社区', '诚信经营承诺', '全民健身运动会', '传统文化进校园', '网络文明传播',
  '最美家庭评选', '好人好事推荐', '移风易俗宣讲', '文明旅游倡议', '节约粮食宣传', '心理健康讲座',
  '主题党日活动', '青年理论学习', '红色教育基地参观', '邻里互助', '敬老院义诊', '禁毒知识竞赛',
];
const topics = [
  '社会主义核心价值观', '习近平新时代中国特色社会主义思想', '党的二十大精神', '中华优秀传统文化',
  '公民道德建设实施纲要', '新时代爱国主义教育实施纲要', '文明单位创建管理办法', '安全生产责任制',
  '意识形态工作责任制', '党风廉政建设', '诚信体系建设', '法治建设', '文明礼仪规范', '未成年人思想道德建设',
];
const places = [
  '单位会议室', '一楼大厅', '职工之家', '多功能报告厅', '社区广场', '文化活动中心', '新时代文明实践所', '图书室',
  '操场', '党员活动室', '辖区主干道', '市民公园', '火车站广场', '农贸市场', '老年活动中心', '爱国主义教育基地',
];
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const givenNames = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文辉鹏飞斌宇浩凯健俊帆雪琳晨欣怡思雨涵子轩博诚嘉';
const roles = ['党组书记', '局长', '副局长', '校长', '副校长', '院长', '主任', '副主任', '科长', '支部书记', '工会主席', '团委书记', '志愿者代表', '职工代表'];

const patterns: ((r: Random) => string)[] = [
  (r) => `为深入贯彻落实${pick(r, topics)}，按照上级关于${pick(r, activities)}的工作部署，${pick(r, units)}结合实际，制定本实施方案。`,
  (r) => `${month(r)}，${pick(r, units)}在${pick(r, places)}组织开展${pick(r, activities)}活动，共有${n(r, 10, 300)}名干部职工参加。`,
  (r) => `活动由${pick(r, roles)}${person(r)}主持，${pick(r, roles)}${person(r)}就${pick(r, topics)}作了专题辅导。`,
  (r) => `会议传达学习了${pick(r, topics)}的有关要求，研究部署了下一阶段${pick(r, activities)}工作。`,
  (r) => `一是加强组织领导。成立了以${pick(r, roles)}为组长、各科室负责人为成员的创建工作领导小组，领导小组下设办公室，具体负责日常工作。`,
  (r) => `二是完善工作机制。建立了定期例会、督查通报、考核奖惩等制度，将创建工作纳入年度目标考核，与业务工作同部署、同检查、同考核。`,
  (r) => `三是强化宣传引导。通过宣传栏、电子显示屏、微信公众号等载体，广泛宣传${pick(r, topics)}，全年累计发布信息${n(r, 20, 400)}条。`,
  (r) => `四是注重典型示范。评选表彰${pick(r, ['道德模范', '身边好人', '文明科室', '优秀志愿者', '最美职工', '文明家庭'])}${n(r, 3, 30)}名，营造了学先进、赶先进的浓厚氛围。`,
  (r) => `截至${year(r)}年${n(r, 1, 12)}月底，累计开展${pick(r, activities)}${n(r, 5, 80)}场次，服务群众${n(r, 100, 9000)}人次，志愿服务时长${n(r, 200, 20000)}小时。`,
  (r) => `${pick(r, units)}注册志愿者${n(r, 20, 600)}人，占在职职工总数的${n(r, 10, 98)}%，志愿服务活动常态化开展。`,
  (r) => `存在的问题主要有：一是${pick(r, activities)}的覆盖面还不够广；二是部分职工参与${pick(r, topics)}学习的主动性不强；三是档案资料的收集整理还不够及时规范。`,
  (r) => `下一步，我们将继续以${pick(r, topics)}为指导，进一步健全长效机制，推动创建工作往深里走、往实里走。`,
  (r) => `参会人员：${person(r)}、${person(r)}、${person(r)}、${person(r)}、${person(r)}等${n(r, 8, 40)}人。记录人：${person(r)}。`,
  (r) => `会议地点：${pick(r, places)}。会议时间：${year(r)}年${n(r, 1, 12)}月${n(r, 1, 28)}日上午${n(r, 8, 11)}时。`,
  (r) => `根据《${pick(r, topics)}》和《${pick(r, ['文明单位测评体系', '文明校园测评细则', '国家卫生城市评审标准', '文明城市测评体系操作手册'])}》的要求，对照测评内容逐项自查，形成自查报告。`,
  (r) => `${pick(r, units)}严格落实${pick(r, ['安全生产责任制', '意识形态工作责任制', '党风廉政建设责任制', '首问负责制', '限时办结制'])}，全年未发生重大安全责任事故和违法违纪案件。`,
  (r) => `在${pick(r, places)}设置${pick(r, ['公益广告', '宣传展板', '文明提示牌', '道德讲堂标识', '志愿服务站点标识'])}${n(r, 2, 60)}块，内容健康向上，更新及时。`,
  (r) => `开展“${pick(r, ['我们的节日', '文明家庭', '书香机关', '健康单位', '清洁家园', '文明出行'])}”主题活动，组织职工开展${pick(r, ['诗词朗诵', '包饺子', '义务植树', '健步走', '知识竞赛', '书法展览'])}等活动。`,
  (r) => `${person(r)}同志在${pick(r, activities)}中表现突出，被评为${year(r)}年度${pick(r, ['优秀志愿者', '身边好人', '先进工作者', '优秀共产党员', '岗位能手'])}。`,
  (r) => `职工食堂落实“光盘行动”，张贴节约提示${n(r, 5, 50)}处，餐饮浪费现象明显减少；办公区域全面禁烟，设置禁烟标识${n(r, 10, 90)}处。`,
  (r) => `单位门户网站和政务新媒体开设“${pick(r, ['文明创建', '道德讲堂', '志愿服务', '身边好人', '网络文明'])}”专栏，全年更新${n(r, 12, 150)}期。`,
  (r) => `经费保障方面，单位每年安排创建专项经费${n(r, 2, 80)}万元，用于${pick(r, activities)}、阵地建设和先进表彰。`,
  (r) => `附件：${n(r, 1, 9)}. ${pick(r, activities)}照片；${n(r, 1, 9)}. 签到表；${n(r, 1, 9)}. ${pick(r, ['活动方案', '工作总结', '会议纪要', '新闻报道截图', '表彰决定'])}。`,
  (r) => `联系人：${person(r)}，联系电话：${n(r, 130, 189)}${n(r, 1000, 9999)}${n(r, 1000, 9999)}。`,
  (r) => `${pick(r, ['各科室', '各支部', '各年级', '各社区', '各门店'])}要高度重视，切实把思想和行动统一到上级决策部署上来，确保各项任务落到实处。`,
];

function n(r: Random, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}
function year(r: Random): number {
  return n(r, 2019, 2026);
}
function month(r: Random): string {
  return `${year(r)}年${n(r, 1, 12)}月${n(r, 1, 28)}日`;
}
function person(r: Random): string {
  const given = pick(r, [...givenNames]) + (r() < 0.6 ? pick(r, [...givenNames]) : '');
  return pick(r, [...surnames]) + given;
}

/**
 * One report of about `chars` characters, in paragraphs. Each report keeps to a few of the
 * patterns, as a real one keeps to its subject, so that a common word is in some reports and
 * not in all.
 */
export function reportText(r: Random, chars: number): string {
  const own = patterns.filter(() => r() < 0.35);
  if (own.length === 0) own.push(pick(r, patterns));
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const sentence = pick(r, own)(r);
    parts.push(sentence);
    length += sentence.length;
    if (r() < 0.25) {
      parts.push('\n');
      length += 1;
    }
  }
  return parts.join('');
}

/** A material title as clerks write them. */
export function reportTitle(r: Random, i: number): string {
  return `${pick(r, units)}${pick(r, activities)}${pick(r, ['工作总结', '实施方案', '会议纪要', '活动简报', '自查报告', '工作计划', '通知'])}（${i}）`;
}
